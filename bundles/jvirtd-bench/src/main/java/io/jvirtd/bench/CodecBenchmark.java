package io.jvirtd.bench;

import io.jvirtd.xdr.XdrReader;
import io.jvirtd.xdr.XdrWriter;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.remote.ConnectListAllDomainsRet;
import io.jvirtd.xdr.remote.DomainGetInfoRet;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.RemoteNonnullDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The record codecs on the hot path of the lookup and listall mixes: encode and decode of a
 * {@code domain_get_info} reply, a {@code connect_list_all_domains} reply with 100 domains and a
 * by-name argument. State is per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private static final XdrCodec<DomainGetInfoRet> INFO = XdrCodecs.of(DomainGetInfoRet.class); // immutable
    private static final XdrCodec<ConnectListAllDomainsRet> LIST = XdrCodecs.of(ConnectListAllDomainsRet.class);
    private static final XdrCodec<NameArgs> NAME = XdrCodecs.of(NameArgs.class);

    private DomainGetInfoRet info; // per-thread benchmark state
    private byte[] infoBytes;
    private ConnectListAllDomainsRet list;
    private byte[] listBytes;
    private NameArgs name;
    private byte[] nameBytes;

    @Setup
    public void setup() {
        info = new DomainGetInfoRet(1, 8_388_608L, 2_097_152L, 2, 1_234_567_890L);
        infoBytes = INFO.encode(info);
        List<RemoteNonnullDomain> doms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            doms.add(new RemoteNonnullDomain("domain-" + i, new UUID(0x6695eb0136d24c1fL + i, 0x8e6d1b2c3d4e5f60L), i + 1));
        }
        list = new ConnectListAllDomainsRet(doms, 100);
        listBytes = LIST.encode(list);
        name = new NameArgs("test");
        nameBytes = NAME.encode(name);
    }

    @Benchmark
    public byte[] encodeDomainGetInfoRet() {
        XdrWriter out = new XdrWriter();
        INFO.encode(info, out);
        return out.toByteArray();
    }

    @Benchmark
    public DomainGetInfoRet decodeDomainGetInfoRet() {
        return INFO.decode(new XdrReader(infoBytes));
    }

    @Benchmark
    public byte[] encodeListAllDomains100() {
        XdrWriter out = new XdrWriter();
        LIST.encode(list, out);
        return out.toByteArray();
    }

    @Benchmark
    public ConnectListAllDomainsRet decodeListAllDomains100() {
        return LIST.decode(new XdrReader(listBytes));
    }

    @Benchmark
    public byte[] encodeNameArgs() {
        return NAME.encode(name);
    }

    @Benchmark
    public NameArgs decodeNameArgs() {
        return NAME.decode(new XdrReader(nameBytes));
    }

    /** The dispatcher's path: a whole payload, trailing bytes checked. */
    @Benchmark
    public NameArgs decodeNameArgsPayload() {
        return NAME.decode(nameBytes);
    }

    /** The dispatcher's path for domain_get_info's arguments' shape (a record in a record). */
    @Benchmark
    public ConnectListAllDomainsRet decodeListAllDomains100Payload() {
        return LIST.decode(listBytes);
    }
}

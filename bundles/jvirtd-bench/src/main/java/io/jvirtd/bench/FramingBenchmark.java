package io.jvirtd.bench;

import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.message.Frame;
import io.jvirtd.xdr.message.FrameDecoder;
import io.jvirtd.xdr.message.FramingException;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.DomainGetInfoRet;
import io.jvirtd.xdr.remote.RemoteProgram;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Message framing: encoding a whole reply (length word, header, payload) and cutting a read of 32
 * back-to-back messages into frames, as the event loop does. State is per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FramingBenchmark {
    private static final XdrCodec<DomainGetInfoRet> INFO = XdrCodecs.of(DomainGetInfoRet.class); // immutable
    private static final int BATCH = 32;

    private MessageHeader header; // per-thread benchmark state
    private DomainGetInfoRet info;
    private byte[] batch;
    private FrameDecoder decoder;

    @Setup
    public void setup() {
        header = new MessageHeader(RemoteProgram.PROGRAM, RemoteProgram.VERSION, 16, MessageType.REPLY, 7,
                MessageStatus.OK);
        info = new DomainGetInfoRet(1, 8_388_608L, 2_097_152L, 2, 1_234_567_890L);
        byte[] one = Frames.encode(header, INFO, info);
        batch = new byte[one.length * BATCH];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        decoder = new FrameDecoder();
    }

    @Benchmark
    public byte[] encodeReply() {
        return Frames.encode(header, INFO, info);
    }

    /** Average time per batch of 32 frames. */
    @Benchmark
    public void decodeBatchOf32(Blackhole bh) throws FramingException {
        decoder.feed(ByteBuffer.wrap(batch));
        Frame f;
        while ((f = decoder.next()) != null) {
            bh.consume(f);
        }
    }
}

package io.jvirtd.bench;

import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.remote.ConnectGetVersionRet;
import io.jvirtd.xdr.remote.ConnectListAllDomainsRet;
import io.jvirtd.xdr.remote.ConnectOpenArgs;
import io.jvirtd.xdr.remote.DomainArgs;
import io.jvirtd.xdr.remote.DomainFlagsArgs;
import io.jvirtd.xdr.remote.DomainGetInfoRet;
import io.jvirtd.xdr.remote.DomainGetStateRet;
import io.jvirtd.xdr.remote.DomainRet;
import io.jvirtd.xdr.remote.ListAllArgs;
import io.jvirtd.xdr.remote.NameArgs;
import io.jvirtd.xdr.remote.RemoteNonnullDomain;
import io.jvirtd.xdr.remote.XmlArgs;
import java.io.IOException;
import java.util.List;

/**
 * The typed REMOTE calls the mixes make, over one {@link RpcConnection}; procedure numbers as in
 * libvirt's remote_protocol.x. Confined to one thread.
 */
final class RemoteCalls implements AutoCloseable {
    private static final XdrCodec<XdrVoid> VOID = XdrCodecs.of(XdrVoid.class); // immutable codecs below
    private static final XdrCodec<ConnectOpenArgs> OPEN_ARGS = XdrCodecs.of(ConnectOpenArgs.class);
    private static final XdrCodec<NameArgs> NAME_ARGS = XdrCodecs.of(NameArgs.class);
    private static final XdrCodec<DomainRet> DOMAIN_RET = XdrCodecs.of(DomainRet.class);
    private static final XdrCodec<DomainArgs> DOMAIN_ARGS = XdrCodecs.of(DomainArgs.class);
    private static final XdrCodec<DomainGetInfoRet> INFO_RET = XdrCodecs.of(DomainGetInfoRet.class);
    private static final XdrCodec<ListAllArgs> LIST_ALL_ARGS = XdrCodecs.of(ListAllArgs.class);
    private static final XdrCodec<ConnectListAllDomainsRet> LIST_ALL_RET = XdrCodecs.of(ConnectListAllDomainsRet.class);
    private static final XdrCodec<DomainFlagsArgs> FLAGS_ARGS = XdrCodecs.of(DomainFlagsArgs.class);
    private static final XdrCodec<DomainGetStateRet> STATE_RET = XdrCodecs.of(DomainGetStateRet.class);
    private static final XdrCodec<XmlArgs> XML_ARGS = XdrCodecs.of(XmlArgs.class);
    private static final XdrCodec<ConnectGetVersionRet> VERSION_RET = XdrCodecs.of(ConnectGetVersionRet.class);

    private final RpcConnection rpc; // confined

    private RemoteCalls(RpcConnection rpc) {
        this.rpc = rpc;
    }

    /** Connects and opens {@code uri} on the daemon (connect_open, 1). */
    static RemoteCalls open(String target, String uri) throws IOException, RemoteCallException {
        RpcConnection rpc = RpcConnection.connect(target);
        try {
            rpc.call(1, OPEN_ARGS, new ConnectOpenArgs(uri, 0), VOID);
        } catch (IOException | RemoteCallException | RuntimeException e) {
            rpc.close();
            throw e;
        }
        return new RemoteCalls(rpc);
    }

    /** domain_lookup_by_name (23). */
    RemoteNonnullDomain lookupByName(String name) throws IOException, RemoteCallException {
        return rpc.call(23, NAME_ARGS, new NameArgs(name), DOMAIN_RET).dom();
    }

    /** domain_get_info (16). */
    DomainGetInfoRet getInfo(RemoteNonnullDomain dom) throws IOException, RemoteCallException {
        return rpc.call(16, DOMAIN_ARGS, new DomainArgs(dom), INFO_RET);
    }

    /** connect_list_all_domains (273), all domains. */
    List<RemoteNonnullDomain> listAllDomains() throws IOException, RemoteCallException {
        return rpc.call(273, LIST_ALL_ARGS, new ListAllArgs(1, 0), LIST_ALL_RET).domains();
    }

    /** domain_get_state (212). */
    DomainGetStateRet getState(RemoteNonnullDomain dom) throws IOException, RemoteCallException {
        return rpc.call(212, FLAGS_ARGS, new DomainFlagsArgs(dom, 0), STATE_RET);
    }

    /** domain_define_xml (11). */
    RemoteNonnullDomain defineXml(String xml) throws IOException, RemoteCallException {
        return rpc.call(11, XML_ARGS, new XmlArgs(xml), DOMAIN_RET).dom();
    }

    /** domain_undefine (35). */
    void undefine(RemoteNonnullDomain dom) throws IOException, RemoteCallException {
        rpc.call(35, DOMAIN_ARGS, new DomainArgs(dom), VOID);
    }

    /** connect_get_version (4). */
    long getVersion() throws IOException, RemoteCallException {
        return rpc.call(4, VOID, XdrVoid.INSTANCE, VERSION_RET).hvVer();
    }

    /** connect_close (2), then the socket. */
    @Override
    public void close() throws IOException {
        try {
            rpc.call(2, VOID, XdrVoid.INSTANCE, VOID);
        } catch (RemoteCallException | IOException e) {
            // closing anyway
        } finally {
            rpc.close();
        }
    }

    /** The XML of a minimal test-driver domain. */
    static String domainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><memory>8192</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain>";
    }
}

package io.jvirtd.bench;

import io.jvirtd.xdr.remote.RemoteNonnullDomain;
import java.io.IOException;
import java.util.List;

/**
 * A closed-loop workload: one iteration is a few calls, each timed on its own (as rpc_load.py
 * counts python-libvirt calls). A call answered with an error is counted and the iteration ends.
 */
enum Mix {
    /** domain_lookup_by_name + domain_get_info. */
    LOOKUP("domain_lookup_by_name", "domain_get_info") {
        @Override
        void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException {
            long t0 = System.nanoTime();
            RemoteNonnullDomain dom;
            try {
                dom = c.lookupByName(ctx.lookupName());
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            long t1 = System.nanoTime();
            log.record(0, t1 - t0);
            try {
                c.getInfo(dom);
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            log.record(1, System.nanoTime() - t1);
        }
    },
    /** connect_list_all_domains + domain_get_state per domain. */
    LISTALL("connect_list_all_domains", "domain_get_state") {
        @Override
        void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException {
            long t0 = System.nanoTime();
            List<RemoteNonnullDomain> doms;
            try {
                doms = c.listAllDomains();
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            log.record(0, System.nanoTime() - t0);
            for (RemoteNonnullDomain d : doms) {
                long t = System.nanoTime();
                try {
                    c.getState(d);
                    log.record(1, System.nanoTime() - t);
                } catch (RemoteCallException e) {
                    log.error(e); // a domain another connection undefined meanwhile
                }
            }
        }
    },
    /** connect_list_all_domains alone (for the large-list measurement). */
    LISTONLY("connect_list_all_domains") {
        @Override
        void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException {
            long t0 = System.nanoTime();
            try {
                c.listAllDomains();
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            log.record(0, System.nanoTime() - t0);
        }
    },
    /** domain_define_xml + domain_undefine of this connection's own domain. */
    DEFINE("domain_define_xml", "domain_undefine") {
        @Override
        void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException {
            long t0 = System.nanoTime();
            RemoteNonnullDomain dom;
            try {
                dom = c.defineXml(ctx.ownXml());
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            long t1 = System.nanoTime();
            log.record(0, t1 - t0);
            try {
                c.undefine(dom);
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            log.record(1, System.nanoTime() - t1);
        }
    },
    /** connect_get_version: the daemon's floor. */
    NOOP("connect_get_version") {
        @Override
        void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException {
            long t0 = System.nanoTime();
            try {
                c.getVersion();
            } catch (RemoteCallException e) {
                log.error(e);
                return;
            }
            log.record(0, System.nanoTime() - t0);
        }
    };

    private final String[] calls; // immutable: the procedures of one iteration, by sample slot

    Mix(String... calls) {
        this.calls = calls;
    }

    /** The procedure names of the sample slots, in order. */
    String[] calls() {
        return calls.clone();
    }

    /** One iteration; an IOException ends the connection. */
    abstract void iterate(RemoteCalls c, Connection ctx, LatencyLog log) throws IOException;

    /**
     * What an iteration needs to know about its connection: the shared domain to look up and this
     * connection's own domain. Immutable.
     */
    record Connection(String lookupName, String ownName, String ownXml) {
    }
}

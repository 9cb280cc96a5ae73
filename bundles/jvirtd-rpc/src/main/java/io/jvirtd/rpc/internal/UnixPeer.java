package io.jvirtd.rpc.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer of one unix client (libvirt's {@code virNetSocketGetUNIXIdentity}). Read at accept,
 * cheaply, on the event loop: uid, gid and their names from SO_PEERCRED (one getsockopt, and the
 * JDK's getpwuid/getgrgid for the names). The pid costs a process spawn, so it is looked up only
 * when first asked ({@link #resolve}), off the event loop, and kept once found.
 * <p>
 * Thread-safe: everything is immutable but {@code resolved}, which is written once found (two
 * racing lookups find the same answer).
 */
final class UnixPeer {
    private static final Logger LOG = LoggerFactory.getLogger(UnixPeer.class);

    /**
     * The JDK's unix principals hash to their numeric id, but that is not API: trust it only if it
     * holds for our own process, whose ids {@code /proc/self} tells. Immutable.
     */
    private static final boolean PRINCIPAL_HASH_IS_ID = principalHashIsId();

    private final SocketChannel channel; // immutable
    private final PeerCredentials atConnect; // immutable; pid unknown
    private volatile PeerCredentials resolved; // null until a lookup found the pid

    private UnixPeer(SocketChannel channel, PeerCredentials atConnect) {
        this.channel = channel;
        this.atConnect = atConnect;
    }

    /** Reads the peer of a just-accepted unix channel. Cheap (a getsockopt); never fails. */
    static UnixPeer of(SocketChannel accepted) {
        PeerCredentials creds = PeerCredentials.NONE;
        try {
            UnixDomainPrincipal p = accepted.getOption(ExtendedSocketOptions.SO_PEERCRED);
            creds = new PeerCredentials(numericId(p.user()), numericId(p.group()), PeerCredentials.UNKNOWN,
                    p.user().getName(), p.group().getName());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("no SO_PEERCRED for {}: {}", accepted, e.toString());
        }
        return new UnixPeer(accepted, creds);
    }

    /** What is known now, without blocking: the pid only once {@link #resolve} found it. */
    PeerCredentials credentials() {
        PeerCredentials r = resolved;
        return r != null ? r : atConnect;
    }

    /**
     * Everything findable, the pid included: blocks up to {@code timeout} on the first call (runs
     * {@code ss}); never call it on the event loop. A pid not found (process gone, no {@code ss}, no
     * access to the fd, client closed) stays -1 and is looked up again at the next call.
     */
    PeerCredentials resolve(Duration timeout) {
        PeerCredentials r = resolved;
        if (r != null) {
            return r;
        }
        long pid = PeerProcessFinder.peerPid(PeerProcessFinder.socketInode(channel), atConnect.uid(), timeout);
        if (pid == PeerCredentials.UNKNOWN) {
            return atConnect;
        }
        r = atConnect.withPid(pid);
        // /proc/<pid> shows the current effective ids: second best, for what SO_PEERCRED did not tell
        if (r.uid() == PeerCredentials.UNKNOWN) {
            r = r.withUid(PeerProcessFinder.procOwner(pid, "unix:uid"));
        }
        if (r.gid() == PeerCredentials.UNKNOWN) {
            r = r.withGid(PeerProcessFinder.procOwner(pid, "unix:gid"));
        }
        resolved = r;
        return r;
    }

    /** A user or group principal's id: its hash when the JDK's principals are known to hash so, or its name if numeric. */
    private static long numericId(UserPrincipal principal) {
        if (PRINCIPAL_HASH_IS_ID) {
            return Integer.toUnsignedLong(principal.hashCode());
        }
        String name = principal.getName();
        return name.chars().allMatch(Character::isDigit) && !name.isEmpty() && name.length() < 11
                ? Long.parseLong(name)
                : PeerCredentials.UNKNOWN;
    }

    private static boolean principalHashIsId() {
        Path self = Path.of("/proc/self");
        try {
            int uid = (Integer) Files.getAttribute(self, "unix:uid");
            int gid = (Integer) Files.getAttribute(self, "unix:gid");
            UserPrincipal owner = Files.getOwner(self);
            UserPrincipal group = Files.readAttributes(self, PosixFileAttributes.class).group();
            return owner.hashCode() == uid && group.hashCode() == gid;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

package io.jvirtd.rpc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the process at the other end of an accepted unix socket. Java has no API for the pid that
 * SO_PEERCRED carries, so this takes the long way:
 * <ol>
 * <li>the channel's fd, read through the JDK-internal {@code sun.nio.ch.SelChImpl} (the JVM needs
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}), then {@code /proc/self/fd/N -> socket:[inode]};</li>
 * <li>{@code ss -xpn} (iproute2: netlink sock_diag, then a scan of every {@code /proc/<pid>/fd})
 * gives the peer socket's inode and the processes holding it. A process spawn: never on the event
 * loop.</li>
 * </ol>
 * Without the export, or without {@code ss}, the pid stays unknown. Stateless.
 */
final class PeerProcessFinder {
    private static final Logger LOG = LoggerFactory.getLogger(PeerProcessFinder.class);

    /** {@code SelChImpl.getFDVal()}, or null when java.base does not export sun.nio.ch to us. Immutable. */
    private static final Method FD_VAL = fdValMethod();

    /** One {@code ss -xpn} row: local name, local inode, peer name, peer inode, then the users, if any. */
    private static final Pattern ROW = Pattern.compile(
            "^u_\\S+\\s+\\S+\\s+\\d+\\s+\\d+\\s+(.*?)\\s+(\\d+)\\s+(.*?)\\s+(\\d+)(?:\\s+users:\\((.*)\\))?\\s*$");
    private static final Pattern USER_PID = Pattern.compile("pid=(\\d+)");

    private PeerProcessFinder() {
    }

    /** True if the fd of a channel can be read, so pids can be found. */
    static boolean fdAccessible() {
        return FD_VAL != null;
    }

    /** The inode of an accepted unix socket (ours, not the peer's), or -1 (also once it is closed). */
    static long socketInode(SocketChannel channel) {
        if (FD_VAL == null) {
            return PeerCredentials.UNKNOWN;
        }
        try {
            int fd = (Integer) FD_VAL.invoke(channel);
            String link = Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
            // NIO releases the fd number only after the channel reads as closed: open now means the link was ours
            if (!channel.isOpen() || !link.startsWith("socket:[") || !link.endsWith("]")) {
                return PeerCredentials.UNKNOWN;
            }
            return Long.parseLong(link, "socket:[".length(), link.length() - 1, 10);
        } catch (IllegalAccessException | InvocationTargetException | IOException | RuntimeException e) {
            LOG.debug("no inode for {}: {}", channel, e.toString());
            return PeerCredentials.UNKNOWN;
        }
    }

    /**
     * The pid of the process holding the socket connected to our socket {@code inode}, or -1. Runs
     * {@code ss}: blocking, up to {@code timeout}; never call it on the event loop. With several
     * holders (a forked child, a passed fd) the first one running as {@code uid} wins.
     */
    static long peerPid(long inode, long uid, Duration timeout) {
        if (inode == PeerCredentials.UNKNOWN) {
            return PeerCredentials.UNKNOWN;
        }
        List<String> rows;
        try {
            rows = runSs(timeout);
        } catch (IOException e) {
            LOG.debug("cannot run ss to find a peer pid: {}", e.getMessage());
            return PeerCredentials.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PeerCredentials.UNKNOWN;
        }
        return peerPid(rows, inode, uid);
    }

    /** The peer pid of socket {@code inode} according to the rows of {@code ss -xpn}; -1 if not there. */
    static long peerPid(List<String> ssRows, long inode, long uid) {
        long peerInode = PeerCredentials.UNKNOWN;
        for (String row : ssRows) {
            Matcher m = ROW.matcher(row);
            if (m.matches() && Long.parseLong(m.group(2)) == inode) {
                peerInode = Long.parseLong(m.group(4));
                break;
            }
        }
        if (peerInode <= 0) {
            return PeerCredentials.UNKNOWN;
        }
        for (String row : ssRows) {
            Matcher m = ROW.matcher(row);
            if (m.matches() && Long.parseLong(m.group(2)) == peerInode && m.group(5) != null) {
                return choosePid(m.group(5), uid);
            }
        }
        return PeerCredentials.UNKNOWN;
    }

    private static long choosePid(String users, long uid) {
        Matcher m = USER_PID.matcher(users);
        long first = PeerCredentials.UNKNOWN;
        while (m.find()) {
            long pid = Long.parseLong(m.group(1));
            if (first == PeerCredentials.UNKNOWN) {
                first = pid;
            }
            if (uid == PeerCredentials.UNKNOWN || uid == procOwner(pid, "unix:uid")) {
                return pid;
            }
        }
        return first;
    }

    /** {@code /proc/<pid>}'s owner ({@code "unix:uid"}) or group ({@code "unix:gid"}): the effective ids; -1 if gone. */
    static long procOwner(long pid, String attribute) {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc", Long.toString(pid)), attribute)).longValue();
        } catch (IOException | RuntimeException e) {
            return PeerCredentials.UNKNOWN;
        }
    }

    private static List<String> runSs(Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-xpn").redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(Redirect.DISCARD).start();
        // the kill ends the read below too: a stuck ss costs at most the timeout
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(p::destroyForcibly);
        List<String> rows = new ArrayList<>();
        try (BufferedReader r = p.inputReader()) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line);
            }
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ss -xpn failed or timed out");
        }
        return rows;
    }

    private static Method fdValMethod() {
        try {
            Class<?> selChImpl = Class.forName("sun.nio.ch.SelChImpl", false, null);
            if (!selChImpl.getModule().isExported("sun.nio.ch", PeerProcessFinder.class.getModule())) {
                LOG.info("peer pids of unix clients are unknown: the JVM needs "
                        + "--add-exports java.base/sun.nio.ch=ALL-UNNAMED");
                return null;
            }
            return selChImpl.getMethod("getFDVal");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("peer pids of unix clients are unknown: {}", e.toString());
            return null;
        }
    }
}

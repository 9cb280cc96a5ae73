package io.jvirtd.api.error;

import java.util.HashMap;
import java.util.Map;

/**
 * libvirt's {@code virErrorDomain}: which part of the system raised an error
 * ({@code remote_error.domain}). API families use their own: DOMAIN for domain APIs, NETWORK,
 * STORAGE, NODEDEV; drivers report under their own (QEMU, TEST, LXC...); the RPC layer under RPC.
 */
public enum VirErrorDomain {
    NONE(0), XEN(1), XEND(2), XENSTORE(3), SEXPR(4), XML(5), DOM(6), RPC(7), PROXY(8), CONF(9),
    QEMU(10), NET(11), TEST(12), REMOTE(13), OPENVZ(14), XENXM(15), STATS_LINUX(16), LXC(17),
    STORAGE(18), NETWORK(19), DOMAIN(20), UML(21), NODEDEV(22), XEN_INOTIFY(23), SECURITY(24),
    VBOX(25), INTERFACE(26), ONE(27), ESX(28), PHYP(29), SECRET(30), CPU(31), XENAPI(32),
    NWFILTER(33), HOOK(34), DOMAIN_SNAPSHOT(35), AUDIT(36), SYSINFO(37), STREAMS(38), VMWARE(39),
    EVENT(40), LIBXL(41), LOCKING(42), HYPERV(43), CAPABILITIES(44), URI(45), AUTH(46), DBUS(47),
    PARALLELS(48), DEVICE(49), SSH(50), LOCKSPACE(51), INITCTL(52), IDENTITY(53), CGROUP(54),
    ACCESS(55), SYSTEMD(56), BHYVE(57), CRYPTO(58), FIREWALL(59), POLKIT(60), THREAD(61), ADMIN(62),
    LOGGING(63), XENXL(64), PERF(65), LIBSSH(66), RESCTRL(67), FIREWALLD(68), DOMAIN_CHECKPOINT(69),
    TPM(70), BPF(71), CH(72);

    private static final Map<Integer, VirErrorDomain> BY_NUMBER = new HashMap<>();

    static {
        for (VirErrorDomain d : values()) {
            BY_NUMBER.put(d.number, d);
        }
    }

    private final int number;

    VirErrorDomain(int number) {
        this.number = number;
    }

    /** The wire value of {@code virErrorDomain}. */
    public int number() {
        return number;
    }

    /** The domain with that wire number, or {@link #NONE} for one this build does not know. */
    public static VirErrorDomain fromNumber(int number) {
        return BY_NUMBER.getOrDefault(number, NONE);
    }
}

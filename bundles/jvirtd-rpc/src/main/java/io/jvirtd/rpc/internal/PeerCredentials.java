package io.jvirtd.rpc.internal;

/**
 * Who is at the other end of a unix socket, as the kernel recorded it at connect time
 * (SO_PEERCRED: effective uid and gid, pid). What virt-admin's {@code client-info} shows as
 * {@code unix_user_id}, {@code unix_user_name}, {@code unix_group_id}, {@code unix_group_name} and
 * {@code unix_process_id}. Immutable.
 *
 * @param uid the peer's effective user id, -1 if unknown
 * @param gid the peer's effective group id, -1 if unknown
 * @param pid the peer process, -1 if unknown (not looked up yet, or not found)
 * @param userName the user's name, or the uid in decimal when it has none; null if unknown
 * @param groupName the group's name, or the gid in decimal when it has none; null if unknown
 */
record PeerCredentials(long uid, long gid, long pid, String userName, String groupName) {

    static final long UNKNOWN = -1;
    static final PeerCredentials NONE = new PeerCredentials(UNKNOWN, UNKNOWN, UNKNOWN, null, null);

    PeerCredentials withPid(long newPid) {
        return new PeerCredentials(uid, gid, newPid, userName, groupName);
    }

    PeerCredentials withUid(long newUid) {
        return new PeerCredentials(newUid, gid, pid, userName, groupName);
    }

    PeerCredentials withGid(long newGid) {
        return new PeerCredentials(uid, newGid, pid, userName, groupName);
    }

    /** For logs: {@code uid 0 (root) gid 0 (root) pid 1234}; unknown parts are left out. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        append(b, "uid", uid, userName);
        append(b, "gid", gid, groupName);
        append(b, "pid", pid, null);
        return b.length() == 0 ? "unknown peer" : b.toString();
    }

    private static void append(StringBuilder b, String label, long id, String name) {
        if (id == UNKNOWN && name == null) {
            return;
        }
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(label).append(' ').append(id == UNKNOWN ? "?" : Long.toString(id));
        if (name != null && !name.equals(Long.toString(id))) {
            b.append(" (").append(name).append(')');
        }
    }
}

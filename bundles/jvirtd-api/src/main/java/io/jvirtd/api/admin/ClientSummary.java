package io.jvirtd.api.admin;

/**
 * One connected client as virt-admin lists it, plus what it opened.
 *
 * @param server the server it connected to
 * @param id the client id (virt-admin's, daemon-wide per server, from 1)
 * @param transport {@code unix} or {@code tcp}
 * @param connectedAt seconds since the epoch
 * @param readOnly true for the read-only socket or a read-only open
 * @param driver the name of the driver its connection uses ({@code Test}, {@code QEMU}), or null
 *        before connect_open
 * @param peer the peer: {@code uid 0 (root)} for unix clients, {@code 127.0.0.1;45678} for TCP
 */
public record ClientSummary(String server, long id, String transport, long connectedAt, boolean readOnly,
        String driver, String peer) {
}

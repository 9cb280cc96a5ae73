package io.jvirtd.api.admin;

/**
 * A server's client limits and counts, with virt-admin's names.
 *
 * @param maxClients {@code nclients_max}
 * @param clients {@code nclients}
 * @param maxUnauthClients {@code nclients_unauth_max}
 * @param unauthClients {@code nclients_unauth}
 */
public record ClientLimitsInfo(int maxClients, int clients, int maxUnauthClients, int unauthClients) {
}

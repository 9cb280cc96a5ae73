package io.jvirtd.shell.internal;

/**
 * One line of {@code virt:list}: a domain as virsh list shows it. Immutable.
 *
 * @param id the running domain's id, -1 when inactive
 * @param name its name
 * @param state virsh's word for its state ({@code running}, {@code shut off}...)
 */
record DomainRow(int id, String name, String state) {

    /** virsh's words for libvirt's state numbers 0–7. */
    private static final String[] STATES = {"no state", "running", "idle", "paused", "in shutdown", "shut off",
        "crashed", "pmsuspended"};

    static String stateName(int state) {
        return state >= 0 && state < STATES.length ? STATES[state] : "unknown";
    }
}

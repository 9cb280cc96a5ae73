package io.jvirtd.driver.test.internal;

/** libvirt's list filters: flags that come in opposite pairs (ACTIVE / INACTIVE, AUTOSTART / NO_AUTOSTART...). */
final class ListFilters {
    private ListFilters() {
    }

    /**
     * Whether an object with property {@code value} passes the pair {@code yes} / {@code no}: with
     * neither or both set, every object does.
     */
    static boolean pair(int flags, int yes, int no, boolean value) {
        boolean y = (flags & yes) != 0;
        boolean n = (flags & no) != 0;
        return y == n || (y && value) || (n && !value);
    }
}

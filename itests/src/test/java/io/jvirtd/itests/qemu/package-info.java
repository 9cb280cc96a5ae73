/**
 * End-to-end tests of the QEMU driver: the assembled daemon with real {@code qemu-system-x86_64}
 * guests, driven by real {@code virsh} and python-libvirt. Every test kills the QEMU processes it
 * started, whatever its outcome.
 */
package io.jvirtd.itests.qemu;

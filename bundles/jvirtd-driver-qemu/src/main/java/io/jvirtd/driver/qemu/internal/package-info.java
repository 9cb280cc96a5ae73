/** The QEMU driver: qemu:/// connections, guests under qemu-system-x86_64, their QMP monitors. Private. */
package io.jvirtd.driver.qemu.internal;

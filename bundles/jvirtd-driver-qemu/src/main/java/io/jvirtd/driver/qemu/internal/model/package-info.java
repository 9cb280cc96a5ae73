/**
 * The QEMU driver's domain definition: immutable records for the supported subset of libvirt's
 * domain XML, its parser (which refuses anything outside the subset, naming it) and its formatter.
 * Pure code: no I/O, no locks.
 */
package io.jvirtd.driver.qemu.internal.model;

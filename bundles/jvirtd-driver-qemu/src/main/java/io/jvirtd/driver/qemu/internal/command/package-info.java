/**
 * Domain definition to QEMU command line: a pure function (libvirt's "xml2argv"), checked by golden
 * files. No I/O, no locks.
 */
package io.jvirtd.driver.qemu.internal.command;

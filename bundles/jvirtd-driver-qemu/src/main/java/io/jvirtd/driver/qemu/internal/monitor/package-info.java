/**
 * The QMP monitor: one JSON connection per guest over its unix socket, read on the core event loop,
 * replies matched to commands by id, events handed to the driver off the loop. Commands are sent
 * only from inside EnterMonitor / ExitMonitor (seed 004).
 */
package io.jvirtd.driver.qemu.internal.monitor;

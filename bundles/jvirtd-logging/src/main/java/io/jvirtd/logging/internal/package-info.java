/** libvirt's logging settings applied to logback: filters, outputs, default level. Private. */
package io.jvirtd.logging.internal;

/** The libvirt RPC server. Internal: other bundles reach it only through services. */
package io.jvirtd.rpc.internal;

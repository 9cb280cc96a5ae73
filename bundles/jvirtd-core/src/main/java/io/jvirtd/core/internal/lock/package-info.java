/** Core implementation: lock. Internal, not exported. */
package io.jvirtd.core.internal.lock;

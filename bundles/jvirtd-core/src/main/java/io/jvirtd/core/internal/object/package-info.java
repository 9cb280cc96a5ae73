/** Core implementation: object. Internal, not exported. */
package io.jvirtd.core.internal.object;

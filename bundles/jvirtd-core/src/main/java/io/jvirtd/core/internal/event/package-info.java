/** Core implementation: event. Internal, not exported. */
package io.jvirtd.core.internal.event;

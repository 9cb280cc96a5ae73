/** Core implementation: dispatch. Internal, not exported. */
package io.jvirtd.core.internal.dispatch;

/** Core implementation: driver. Internal, not exported. */
package io.jvirtd.core.internal.driver;

/** The per-object job model of seed 004. Internal. */
package io.jvirtd.core.internal.job;

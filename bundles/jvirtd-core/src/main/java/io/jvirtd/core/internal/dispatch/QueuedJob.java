package io.jvirtd.core.internal.dispatch;

/** A job waiting in the worker pool's queue. Immutable. */
record QueuedJob(Runnable job, boolean high) {
}

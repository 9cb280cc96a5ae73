package io.jvirtd.core.internal.event;

/** The event loop's lifecycle, moved forward only, by compare-and-set. */
enum LoopState { NOT_STARTED, STARTED, SHUTTING_DOWN, TERMINATED }

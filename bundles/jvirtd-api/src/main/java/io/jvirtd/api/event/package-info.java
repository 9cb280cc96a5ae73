/**
 * The event loop service: one thread polling every registered channel and running every timer. Callers on any thread register channels and timers; the loop runs the callbacks.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

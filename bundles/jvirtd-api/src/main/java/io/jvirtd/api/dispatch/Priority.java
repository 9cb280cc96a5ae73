package io.jvirtd.api.dispatch;

/** A job's priority: HIGH jobs may also run on priority workers (libvirt's {@code @priority: high}). */
public enum Priority { NORMAL, HIGH }

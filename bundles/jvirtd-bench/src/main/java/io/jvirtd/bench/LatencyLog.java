package io.jvirtd.bench;

import java.util.Arrays;

/**
 * Latencies of one connection's calls, in nanoseconds, plus its error count; merged and sorted once
 * at the end. Confined to its connection's thread until the run ends (the join publishes it).
 */
final class LatencyLog {
    private long[] nanos = new long[1 << 14]; // confined, as are the fields below
    private byte[] slots = new byte[1 << 14]; // which call of the mix each sample is (Mix.calls())
    private int size;
    private long errors;
    private String firstError;
    private boolean recording;

    /** Samples before this call are warmup and are dropped. */
    void startRecording() {
        recording = true;
    }

    /** A sample of the mix's call number {@code slot}. */
    void record(int slot, long latencyNanos) {
        if (!recording) {
            return;
        }
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        slots[size] = (byte) slot;
        nanos[size++] = latencyNanos;
    }

    void error(Exception e) {
        if (!recording) {
            return;
        }
        errors++;
        if (firstError == null) {
            firstError = e.getMessage();
        }
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    /** All samples of these logs, sorted. */
    static long[] mergeSorted(Iterable<LatencyLog> logs) {
        return mergeSorted(logs, -1);
    }

    /** The samples of call number {@code slot} (all if negative), sorted. */
    static long[] mergeSorted(Iterable<LatencyLog> logs, int slot) {
        int total = 0;
        for (LatencyLog l : logs) {
            total += slot < 0 ? l.size : l.count(slot);
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog l : logs) {
            for (int i = 0; i < l.size; i++) {
                if (slot < 0 || l.slots[i] == slot) {
                    all[at++] = l.nanos[i];
                }
            }
        }
        Arrays.sort(all);
        return all;
    }

    private int count(int slot) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (slots[i] == slot) {
                n++;
            }
        }
        return n;
    }

    /** The p-th percentile (nearest rank) of sorted samples, 0 if there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}

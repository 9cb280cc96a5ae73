package io.jvirtd.itests.testdriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The lines a child process writes, collected by a daemon thread. Callers take a {@link #mark()} before
 * they act and then wait, with a deadline, for a line written after it.
 */
final class OutputLines {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> lines = new ArrayList<>(); // guarded by lock
    private boolean ended; // guarded by lock

    OutputLines(InputStream in, String threadName) {
        Thread reader = new Thread(() -> read(in), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lock.lock();
                try {
                    lines.add(line);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** How many lines were written so far: pass it to {@link #await} to see only later lines. */
    int mark() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }

    /** The first line at index {@code from} or later matching {@code test}; empty once the output ended or the deadline passed. */
    Optional<String> await(Predicate<String> test, int from, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        lock.lock();
        try {
            int seen = from;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (test.test(lines.get(seen))) {
                        return Optional.of(lines.get(seen));
                    }
                }
                long left = end - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every line so far matching {@code test}. */
    List<String> matching(Predicate<String> test) {
        lock.lock();
        try {
            return lines.stream().filter(test).toList();
        } finally {
            lock.unlock();
        }
    }

    String text() {
        lock.lock();
        try {
            return String.join("\n", lines);
        } finally {
            lock.unlock();
        }
    }
}

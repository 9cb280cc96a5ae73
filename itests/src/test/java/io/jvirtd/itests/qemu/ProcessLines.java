package io.jvirtd.itests.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The output lines of a process, collected by a reader thread as they arrive; tests wait for one with a deadline. */
final class ProcessLines {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<String> lines = new ArrayList<>(); // guarded by lock

    ProcessLines(Process p, String threadName) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lock.lock();
                    try {
                        lines.add(line);
                        added.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** A copy of the lines so far. */
    List<String> all() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a line equal to {@code text}; returns its index. */
    int await(String text, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        lock.lock();
        try {
            for (int i = 0;; ) {
                for (; i < lines.size(); i++) {
                    if (lines.get(i).equals(text)) {
                        return i;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no line '" + text + "' within " + deadline + "; lines: " + lines);
                }
                added.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}

package io.jvirtd.shell.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Comparator;

/** The stacks of the live threads whose name starts with a prefix, as {@code virt:dump} shows them. Stateless. */
final class ThreadStacks {
    private ThreadStacks() {
    }

    /** Each matching thread: name, state, the lock it waits for and its owner, then its frames; sorted by name. */
    static String render(String namePrefix) {
        StringBuilder out = new StringBuilder();
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        Arrays.stream(threads)
                .filter(t -> t != null && t.getThreadName().startsWith(namePrefix))
                .sorted(Comparator.comparing(ThreadInfo::getThreadName).thenComparingLong(ThreadInfo::getThreadId))
                .forEach(t -> {
                    out.append('"').append(t.getThreadName()).append("\" #").append(t.getThreadId())
                            .append(' ').append(t.getThreadState());
                    if (t.getLockName() != null) {
                        out.append(" on ").append(t.getLockName());
                        if (t.getLockOwnerName() != null) {
                            out.append(" owned by \"").append(t.getLockOwnerName()).append('"');
                        }
                    }
                    out.append('\n');
                    for (StackTraceElement frame : t.getStackTrace()) {
                        out.append("\tat ").append(frame).append('\n');
                    }
                    out.append('\n');
                });
        return out.isEmpty() ? "no " + namePrefix + "* thread\n" : out.toString();
    }
}

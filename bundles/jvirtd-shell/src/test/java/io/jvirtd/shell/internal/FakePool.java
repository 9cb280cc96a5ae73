package io.jvirtd.shell.internal;

import java.util.ArrayList;
import java.util.List;

import io.jvirtd.api.dispatch.Priority;
import io.jvirtd.api.dispatch.WorkerPool;
import io.jvirtd.api.dispatch.WorkerPoolStats;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;

/** A worker pool with fixed load that records setParameters and refuses min &gt; max as the real one does. Test-thread confined. */
final class FakePool implements WorkerPool {
    final String name;
    final List<List<Integer>> calls = new ArrayList<>();
    int min = 5;
    int max = 20;
    int prio = 5;

    FakePool(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(Priority priority, Runnable job) {
        throw new UnsupportedOperationException("the shell never submits");
    }

    @Override
    public WorkerPoolStats stats() {
        return new WorkerPoolStats(min, max, 7, 3, prio, 11, 25000);
    }

    @Override
    public void setParameters(int minWorkers, int maxWorkers, int prioWorkers) {
        calls.add(List.of(minWorkers, maxWorkers, prioWorkers));
        int newMin = minWorkers < 0 ? min : minWorkers;
        int newMax = maxWorkers < 0 ? max : maxWorkers;
        if (newMin > newMax) {
            throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.THREAD,
                    "minWorkers cannot be larger than maxWorkers");
        }
        min = newMin;
        max = newMax;
        prio = prioWorkers < 0 ? prio : prioWorkers;
    }
}

package io.jvirtd.bench;

import io.jvirtd.xdr.remote.RemoteNonnullDomain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop libvirt-protocol load: N connections, one thread each, every connection opens
 * {@code --uri} and runs the {@link Mix} back to back for {@code --warmup} + {@code --seconds};
 * only the calls of the measured window count. Prints one JSON line with the same keys as
 * {@code rpc_load.py} (calls/s, p50/p90/p99/max/mean in microseconds, errors).
 *
 * <pre>
 * java -cp ... io.jvirtd.bench.LoadGenerator --socket PATH | --tcp HOST:PORT
 *      [--uri test:///default] [--mix lookup|listall|listonly|define|noop] [--connections N]
 *      [--seconds S] [--warmup S] [--name test] [--populate COUNT] [--idle-hold SECONDS]
 * </pre>
 * {@code --populate COUNT} defines that many extra domains before the run and undefines them after
 * it; {@code --idle-hold} opens the connections, holds them idle that long and closes them (for the
 * heap-per-connection measurement) instead of running a mix.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] argv) throws Exception {
        Options o = Options.parse(argv);
        String prefix = "jvbench-" + ProcessHandle.current().pid() + "-";
        // test:///default's state lives while a connection is open: the populating one stays open.
        RemoteCalls keeper = o.populate > 0 ? RemoteCalls.open(o.target, o.uri) : null;
        List<RemoteNonnullDomain> populated = keeper != null ? populate(keeper, o.populate, prefix) : List.of();
        try {
            if (o.idleHoldSeconds > 0) {
                holdIdle(o);
            } else {
                run(o, prefix);
            }
        } finally {
            if (keeper != null) {
                try (keeper) {
                    for (RemoteNonnullDomain d : populated) {
                        keeper.undefine(d);
                    }
                }
            }
        }
    }

    private static void run(Options o, String prefix) throws InterruptedException {
        List<LatencyLog> logs = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(o.connections);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger connectFailures = new AtomicInteger();
        String[] connectError = new String[1];
        long[] window = new long[2]; // [recordStart, end], written before go opens
        for (int i = 0; i < o.connections; i++) {
            LatencyLog log = new LatencyLog();
            logs.add(log);
            String own = prefix + i;
            Mix.Connection ctx = new Mix.Connection(o.name, own, RemoteCalls.domainXml(own));
            Thread t = new Thread(() -> {
                RemoteCalls calls;
                try {
                    calls = RemoteCalls.open(o.target, o.uri);
                } catch (IOException | RemoteCallException e) {
                    connectFailures.incrementAndGet();
                    synchronized (connectError) {
                        connectError[0] = e.toString();
                    }
                    opened.countDown();
                    return;
                }
                opened.countDown();
                try (calls) {
                    go.await();
                    long recordStart = window[0];
                    long end = window[1];
                    boolean recording = false;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        if (!recording && now >= recordStart) {
                            log.startRecording();
                            recording = true;
                        }
                        o.mix.iterate(calls, ctx, log);
                    }
                    if (o.mix == Mix.DEFINE) {
                        removeLeftover(calls, own);
                    }
                } catch (IOException e) {
                    log.error(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + i);
            threads.add(t);
            t.start();
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections did not open within 120 s");
        }
        long start = System.nanoTime();
        window[0] = start + TimeUnit.MILLISECONDS.toNanos((long) (o.warmupSeconds * 1000));
        window[1] = window[0] + TimeUnit.MILLISECONDS.toNanos((long) (o.seconds * 1000));
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = LatencyLog.mergeSorted(logs);
        long errors = logs.stream().mapToLong(LatencyLog::errors).sum();
        String firstError = logs.stream().map(LatencyLog::firstError).filter(e -> e != null).findFirst()
                .orElse(connectError[0]);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        StringBuilder json = new StringBuilder();
        json.append('{');
        field(json, "client", "\"jvirtd-bench\"");
        field(json, "target", quote(o.target));
        field(json, "mix", quote(o.mix.name().toLowerCase(Locale.ROOT)));
        field(json, "n", Integer.toString(o.connections));
        field(json, "duration_s", fmt(o.seconds));
        field(json, "calls", Integer.toString(sorted.length));
        field(json, "calls_per_s", fmt(sorted.length / o.seconds));
        field(json, "p50_us", micros(LatencyLog.percentile(sorted, 50)));
        field(json, "p90_us", micros(LatencyLog.percentile(sorted, 90)));
        field(json, "p99_us", micros(LatencyLog.percentile(sorted, 99)));
        field(json, "max_us", micros(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        field(json, "mean_us", fmt(sorted.length == 0 ? 0 : sum / sorted.length / 1000));
        StringBuilder byCall = new StringBuilder("{");
        String[] calls = o.mix.calls();
        for (int slot = 0; slot < calls.length; slot++) {
            long[] mine = LatencyLog.mergeSorted(logs, slot);
            byCall.append(slot == 0 ? "" : ", ").append('"').append(calls[slot]).append("\": [")
                    .append(micros(LatencyLog.percentile(mine, 50))).append(", ")
                    .append(micros(LatencyLog.percentile(mine, 99))).append(']');
        }
        field(json, "p50_p99_us_by_call", byCall.append('}').toString());
        field(json, "errors", Long.toString(errors));
        field(json, "connect_failures", Integer.toString(connectFailures.get()));
        if (firstError != null) {
            field(json, "first_error", quote(firstError));
        }
        json.setLength(json.length() - 2);
        json.append('}');
        System.out.println(json);
    }

    private static void removeLeftover(RemoteCalls calls, String own) throws IOException {
        try {
            calls.undefine(calls.lookupByName(own));
        } catch (RemoteCallException e) {
            // expected: the last iteration undefined it
        }
    }

    private static List<RemoteNonnullDomain> populate(RemoteCalls c, int count, String prefix) throws Exception {
        List<RemoteNonnullDomain> doms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            doms.add(c.defineXml(RemoteCalls.domainXml(prefix + String.format("big-%05d", i))));
        }
        return doms;
    }

    private static void holdIdle(Options o) throws Exception {
        List<RemoteCalls> open = new ArrayList<>();
        try {
            for (int i = 0; i < o.connections; i++) {
                open.add(RemoteCalls.open(o.target, o.uri));
            }
            System.out.println("{\"idle_connections\": " + open.size() + "}");
            Thread.sleep((long) (o.idleHoldSeconds * 1000)); // holding connections open is the point
        } finally {
            for (RemoteCalls c : open) {
                c.close();
            }
        }
    }

    private static void field(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\": ").append(value).append(", ");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String micros(long nanos) {
        return fmt(nanos / 1000.0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Command-line options. Immutable after parsing. */
    private static final class Options {
        String target;
        String uri = "test:///default";
        Mix mix = Mix.LOOKUP;
        int connections = 1;
        double seconds = 10;
        double warmupSeconds = 2;
        String name = "test";
        int populate;
        double idleHoldSeconds;

        static Options parse(String[] argv) {
            Options o = new Options();
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                String v = i + 1 < argv.length ? argv[i + 1] : null;
                switch (a) {
                    case "--socket" -> o.target = v;
                    case "--tcp" -> o.target = "tcp:" + v;
                    case "--uri" -> o.uri = v;
                    case "--mix" -> o.mix = Mix.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--connections", "-n" -> o.connections = Integer.parseInt(v);
                    case "--seconds", "-d" -> o.seconds = Double.parseDouble(v);
                    case "--warmup" -> o.warmupSeconds = Double.parseDouble(v);
                    case "--name" -> o.name = v;
                    case "--populate" -> o.populate = Integer.parseInt(v);
                    case "--idle-hold" -> o.idleHoldSeconds = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see the class javadoc)");
                }
                i++;
            }
            if (o.target == null) {
                throw new IllegalArgumentException("--socket PATH or --tcp HOST:PORT is required");
            }
            return o;
        }
    }
}

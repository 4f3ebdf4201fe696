package lab.yujian.bench.scenario;

import lab.yujian.bench.proc.Jcmd;
import lab.yujian.bench.proc.ProcStat;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.run.Status;
import lab.yujian.bench.run.WindowResult;
import lab.yujian.bench.targets.RabbitMq;
import lab.yujian.bench.targets.RunningTarget;

/** The steps scenarios are made of: open sessions, publish at a rate and measure, wait for quiet, read the app. */
final class Load {

    private Load() {
    }

    /** How opening a group went. */
    record Opened(double seconds, long ready, long failed, String firstError) { }

    /**
     * Opens {@code n} sessions of {@code group} and waits until each is ready or failed, at most
     * {@code timeoutSeconds} and at most 30 s without progress. With {@code probe}, the publisher sends probe
     * messages while some sessions are connected but not ready (the simple broker sends no RECEIPT for SUBSCRIBE).
     */
    static Opened open(Bench bench, Generator g, String who, String group, int n, int inflight, int receiveBuffer,
                       double timeoutSeconds, boolean probe) {
        Status before = g.status();
        long start = System.nanoTime();
        g.open(group, n, inflight, receiveBuffer);
        long lastLog = start;
        long lastProbe = 0;
        long lastProgress = start;
        long settled = 0;
        long lastConnected = 0;
        long lastConnect = start;
        Status s = before;
        while (true) {
            sleep(100);
            s = g.status();
            long connected = s.connected(group) - before.connected(group);
            long ready = s.ready(group) - before.ready(group);
            long failed = s.failed(group) - before.failed(group);
            long now = System.nanoTime();
            if (ready + failed != settled) {
                settled = ready + failed;
                lastProgress = now;
            }
            if (ready + failed >= n || now - start > timeoutSeconds * 1e9 || now - lastProgress > 30e9) {
                break; // done, out of time, or nothing became ready or failed for 30 s
            }
            if (connected != lastConnected) {
                lastConnected = connected;
                lastConnect = now;
            }
            // A probe reaches every ready session: send one only once connecting is done (then every 250 ms) or
            // has paused for a second (then every second), so probes do not become a load of their own.
            boolean allConnected = connected + failed >= n;
            long every = allConnected ? 250_000_000L : 1_000_000_000L;
            if (probe && connected > ready && (allConnected || now - lastConnect > 1_000_000_000L) && now - lastProbe > every) {
                g.probe();
                lastProbe = now;
            }
            if (now - lastLog >= 1_000_000_000L) {
                bench.log(who, String.format("opening %s: %,d of %,d connected, %,d ready, %,d failed", group, connected, n, ready, failed));
                lastLog = now;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Opened opened = new Opened(seconds, s.ready(group) - before.ready(group), s.failed(group) - before.failed(group), s.firstError());
        bench.log(who, String.format("opened %s: %,d of %,d ready in %.1f s, %,d failed%s", group, opened.ready, n, seconds,
                opened.failed, opened.firstError.isEmpty() ? "" : " (first error: " + opened.firstError + ")"));
        return opened;
    }

    /** One publishing window and what it measured. */
    record Step(double rate, long subscribers, WindowResult result, double seconds, double appCpu, double appSystemCpu,
                double generatorCpu, double brokerCpu, String wire) {

        double offered() { return rate * subscribers; }
        double deliveredPerSecond() { return result.received / seconds; }
        double p99() { return WindowResult.ms(result.latency, 99); }
        boolean healthy(double p99Limit) { return result.lost == 0 && p99() <= p99Limit; }

        /** App CPU milliseconds per 1,000 deliveries. */
        double cpuPerThousand() { return perThousand(appCpu); }

        /** App system (kernel) CPU milliseconds per 1,000 deliveries. */
        double systemCpuPerThousand() { return perThousand(appSystemCpu); }

        /** Generator CPU milliseconds per 1,000 deliveries. */
        double generatorCpuPerThousand() { return perThousand(generatorCpu); }

        private double perThousand(double seconds) {
            return result.received == 0 ? Double.NaN : seconds * 1000 / (result.received / 1000.0);
        }
    }

    /**
     * Publishes {@code rate} messages a second for {@code seconds} to every ready subscriber, printing
     * progress each second, then waits for what is in flight (until all arrived, or no delivery of any
     * window for 3 s, at most 30 s): what has not arrived then counts as lost. {@code label} says whether it is warm-up or measured.
     */
    static Step step(Bench bench, Generator g, RunningTarget t, String who, String label, double rate, double seconds) {
        long count = Math.max(1, Math.round(rate * seconds));
        long first = bench.sequences(count);
        g.window(first, first + count - 1);
        Status s = g.status();
        long subscribers = s.ready("sub") - s.closed("sub");
        double cpu0 = appCpu(t);
        double system0 = appSystemCpu(t);
        double gen0 = g.cpuSeconds();
        double broker0 = brokerCpu(t);
        long start = System.nanoTime();
        g.publish(rate, count, first);
        double lastCpu = cpu0;
        long lastRcv = 0;
        for (int second = 1; ; second++) {
            sleep(Math.max(0, start + second * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            s = g.status();
            double cpu = appCpu(t);
            bench.log(who, String.format("%s %,d × %.1f/s  %d/%.0f s  delivered/s=%,d  p99(1 s)=%.1f ms  app CPU=%.0f%%",
                    label, subscribers, rate, second, seconds, s.received() - lastRcv, s.get("int.p99") / 1000.0, 100 * (cpu - lastCpu)));
            lastCpu = cpu;
            lastRcv = s.received();
            if (s.get("pub.done") == 1 || second > seconds + 60) {
                break;
            }
        }
        long expected = count * subscribers;
        long drainStart = System.nanoTime();
        long lastAny = drainStart;
        long lastWindowDelivery = drainStart;
        long seen = s.received();
        long seenAll = s.get("all");
        // wait while deliveries of any window still arrive (a backlog draining), at most 30 s
        while (seen < expected && System.nanoTime() - lastAny < 3_000_000_000L && System.nanoTime() - drainStart < 30_000_000_000L) {
            sleep(100);
            Status now = g.status();
            long at = System.nanoTime();
            if (now.received() != seen) {
                lastWindowDelivery = at;
            }
            if (now.get("all") != seenAll) {
                lastAny = at;
            }
            seen = now.received();
            seenAll = now.get("all");
        }
        double elapsed = Math.max(count / rate, (lastWindowDelivery - start) / 1e9);
        Step step = new Step(rate, subscribers, g.result(), elapsed, appCpu(t) - cpu0, appSystemCpu(t) - system0,
                g.cpuSeconds() - gen0, brokerCpu(t) - broker0, g.status().wire());
        bench.log(who, String.format("%s %,d × %.1f/s: delivered %,d of %,d (%,d lost), %,.0f/s, p50=%.1f p99=%.1f max=%.1f ms, "
                        + "app CPU %.1f s, generator CPU %.1f s", label, subscribers, rate, step.result.received,
                step.result.expected(), step.result.lost, step.deliveredPerSecond(), WindowResult.ms(step.result.latency, 50),
                step.p99(), step.result.latency.getMaxValue() / 1000.0, step.appCpu, step.generatorCpu));
        return step;
    }

    /**
     * Waits until no stamped message has reached any subscriber for 3 s and the app is quiet: a backlog in
     * the app or the broker (RabbitMQ keeps delivering long after a failed step) must not spill into the next
     * step. Returns the seconds waited, at most {@code cap}.
     */
    static double awaitDrained(Generator g, RunningTarget t, double cap) {
        long start = System.nanoTime();
        long lastChange = start;
        long seen = g.status().get("all");
        while (System.nanoTime() - lastChange < 3_000_000_000L && System.nanoTime() - start < cap * 1e9) {
            sleep(250);
            long now = g.status().get("all");
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
        }
        double remaining = cap - (System.nanoTime() - start) / 1e9;
        return (System.nanoTime() - start) / 1e9 + (remaining > 0 ? awaitQuiet(t, remaining) : 0);
    }

    /** Waits until the app used under 5 % of a core over the last second; returns the seconds waited (at most {@code cap}). */
    static double awaitQuiet(RunningTarget t, double cap) {
        long start = System.nanoTime();
        double[] samples = new double[5];
        int n = 0;
        while ((System.nanoTime() - start) / 1e9 < cap) {
            samples[n % 5] = appCpu(t);
            n++;
            if (n >= 5 && samples[(n - 1) % 5] - samples[n % 5] < 0.05) {
                return (System.nanoTime() - start) / 1e9;
            }
            sleep(250);
        }
        return cap;
    }

    /** CPU seconds of the app's processes. */
    static double appCpu(RunningTarget t) {
        return sumOverApp(t, ProcStat::cpuSeconds);
    }

    /** System (kernel) CPU seconds of the app's processes. */
    static double appSystemCpu(RunningTarget t) {
        return sumOverApp(t, ProcStat::systemSeconds);
    }

    private static double sumOverApp(RunningTarget t, java.util.function.LongToDoubleFunction seconds) {
        double total = 0;
        for (long pid : t.pids()) {
            total += Math.max(0, seconds.applyAsDouble(pid));
        }
        return total;
    }

    /** CPU seconds of the target's broker process (RabbitMQ), or NaN when it has none. */
    static double brokerCpu(RunningTarget t) {
        double cpu = t.brokerPid() > 0 ? ProcStat.cpuSeconds(t.brokerPid()) : -1;
        return cpu < 0 ? Double.NaN : cpu;
    }

    /** Established connections to RabbitMQ's STOMP port, per app process (node), in node order; -1 where unknown. */
    static java.util.List<Long> brokerConnections(RunningTarget t) {
        return t.pids().stream().map(RabbitMq::stompConnections).toList();
    }

    /** The largest of {@link #brokerConnections}, or NaN if one is unknown. */
    static double maxPerNode(java.util.List<Long> connections) {
        return connections.stream().anyMatch(c -> c < 0) ? Double.NaN
                : connections.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * RabbitMQ's memory (MB, 10^6 bytes) as {@code rabbitmqctl status} reports it (Erlang total): once the broker
     * used under 5 % of a core for a second (at most 15 s), the median of 3 readings 1 s apart; NaN if unknown.
     */
    static double brokerMemoryMb(RunningTarget t) {
        awaitBrokerQuiet(t, 15);
        double[] readings = new double[3];
        for (int i = 0; i < readings.length; i++) {
            if (i > 0) {
                sleep(1000);
            }
            long bytes = RabbitMq.erlangMemoryBytes();
            if (bytes < 0) {
                return Double.NaN;
            }
            readings[i] = bytes / 1e6;
        }
        java.util.Arrays.sort(readings);
        return readings[1];
    }

    /** Waits until the broker process used under 5 % of a core over the last second, at most {@code cap} seconds. */
    static void awaitBrokerQuiet(RunningTarget t, double cap) {
        if (t.brokerPid() <= 0) {
            return;
        }
        long start = System.nanoTime();
        double last = ProcStat.cpuSeconds(t.brokerPid());
        while ((System.nanoTime() - start) / 1e9 < cap) {
            sleep(1000);
            double now = ProcStat.cpuSeconds(t.brokerPid());
            if (now - last < 0.05) {
                return;
            }
            last = now;
        }
    }

    /** Queues in RabbitMQ (all vhosts; another user of the broker counts too), or NaN. */
    static double brokerQueues() {
        long q = RabbitMq.queues();
        return q < 0 ? Double.NaN : q;
    }

    /** RabbitMQ's RSS (MB, 10^6 bytes), or NaN. */
    static double brokerRssMb(RunningTarget t) {
        long kib = t.brokerPid() > 0 ? ProcStat.rssKib(t.brokerPid()) : -1;
        return kib < 0 ? Double.NaN : kib * 1024 / 1e6;
    }

    static double rssMib(RunningTarget t) {
        long total = 0;
        for (long pid : t.pids()) {
            total += Math.max(0, ProcStat.rssKib(pid));
        }
        return total / 1024.0;
    }

    /** Heap after a full GC, summed over the app's processes, in MiB; NaN if jcmd could not tell for one of them. */
    static double heapAfterGcMib(RunningTarget t) {
        long total = 0;
        for (long pid : t.pids()) {
            long kib = Jcmd.heapAfterFullGcKib(pid);
            if (kib < 0) {
                return Double.NaN;
            }
            total += kib;
        }
        return total / 1024.0;
    }

    static boolean alive(RunningTarget t) {
        return t.pids().stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

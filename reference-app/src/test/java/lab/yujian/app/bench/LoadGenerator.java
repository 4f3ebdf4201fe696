package lab.yujian.app.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab.yujian.spring.testing.TestTokens;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load command. Opens {@code --sessions} subscribers of {@code activity}, waits until the broadcasts
 * their joins caused are delivered, publishes {@code --rate} messages per second for {@code --duration}
 * from one admin session, and prints each second, then at the
 * end: sessions held, messages delivered per second, end-to-end latency (publisher's send to subscriber's
 * receipt, same clock) at p50/p99, and any loss. Loopback only; every run ends by itself.
 */
public final class LoadGenerator {

    private static final String CHANNEL = "activity";

    private final LoadOptions options;
    private final Recorder interval = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong otherData = new AtomicLong();
    private final List<BenchSession> sessions = new ArrayList<>();

    private LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new LoadGenerator(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        System.out.printf("load: %d sessions on %s, %d publishes/s for %d s after %d s of warm-up%n",
                options.sessions(), options.url(), options.rate(), options.duration().toSeconds(),
                options.warmup().toSeconds());
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            clients.add(HttpClient.newHttpClient());
        }
        connect(clients);
        settle();
        BenchSession publisher = BenchSession.open(clients.get(0), options.url(), token("bench-publisher"), CHANNEL,
                frame -> { }).get(30, TimeUnit.SECONDS);
        publish(publisher);
        long expected = (published.get() - options.warmupPublishes()) * sessions.size();
        awaitDeliveries(expected);
        return report(expected, options.duration().toMillis() / 1000.0, publisher);
    }

    private void connect(List<HttpClient> clients) throws Exception {
        int batch = 200;
        for (int from = 0; from < options.sessions(); from += batch) {
            List<CompletableFuture<BenchSession>> opening = new ArrayList<>();
            for (int i = from; i < Math.min(options.sessions(), from + batch); i++) {
                opening.add(BenchSession.open(clients.get(i % clients.size()), options.url(), token("bench-" + i),
                        CHANNEL, this::received));
            }
            for (CompletableFuture<BenchSession> session : opening) {
                sessions.add(session.get(60, TimeUnit.SECONDS));
            }
            System.out.printf("load: connected %d/%d%n", sessions.size(), options.sessions());
        }
    }

    /**
     * Waits until the broadcasts that the connects caused have been delivered: each new user's presence
     * join is an {@code activity} entry for every subscriber already there (N²/2 deliveries in all), and
     * measuring on top of that backlog would measure the backlog.
     */
    private void settle() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = otherData.get();
            if (now == seen) {
                break;
            }
            seen = now;
        }
        System.out.printf("load: settled in %.1f s after %d join broadcasts%n",
                (System.nanoTime() - start) / 1e9, otherData.get());
    }

    private void publish(BenchSession publisher) throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / options.rate();
        timer.scheduleAtFixedRate(() -> {
            long n = published.incrementAndGet();
            publisher.send("SEND\ndestination:/app/publish\ncontent-type:application/json\n\n"
                    + "{\"channel\":\"activity\",\"payload\":{\"id\":\"b" + n + "\",\"type\":\"action\",\"userId\":\"bench\","
                    + "\"message\":\"load\",\"metadata\":{\"sentAt\":" + System.nanoTime() + "},\"timestamp\":\""
                    + Instant.now() + "\"}}\0");
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        long end = System.nanoTime() + options.warmup().toNanos() + options.duration().toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            progress();
        }
        timer.shutdownNow();
    }

    private void awaitDeliveries(long expected) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            if (delivered.get() == last) {
                break; // nothing moved for half a second after publishing stopped
            }
            last = delivered.get();
        }
        progress();
    }

    private void received(String frame) {
        long sentAt = number(frame, "\"sentAt\":");
        if (sentAt < 0) {
            otherData.incrementAndGet();
            return;
        }
        if (number(frame, "\"id\":\"b") <= options.warmupPublishes()) {
            return;
        }
        long micros = Math.max(0, (System.nanoTime() - sentAt) / 1000);
        interval.recordValue(micros);
        delivered.incrementAndGet();
    }

    /** The digits after {@code key}, or -1. */
    private static long number(String frame, String key) {
        int at = frame.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int from = at + key.length();
        int to = from;
        while (to < frame.length() && Character.isDigit(frame.charAt(to))) {
            to++;
        }
        return to == from ? -1 : Long.parseLong(frame.substring(from, to));
    }

    private long lastDelivered;

    private void progress() {
        Histogram second = interval.getIntervalHistogram();
        synchronized (total) {
            total.add(second);
        }
        long now = delivered.get();
        System.out.printf("load: sessions=%d published=%d delivered/s=%d p50=%.1fms p99=%.1fms%n", open(),
                published.get(), now - lastDelivered, second.getValueAtPercentile(50) / 1000.0,
                second.getValueAtPercentile(99) / 1000.0);
        lastDelivered = now;
    }

    private boolean report(long expected, double seconds, BenchSession publisher) {
        long got = delivered.get();
        int held = open();
        System.out.println("load: ---------------------------------------------------------------");
        System.out.printf("load: sessions held   %d of %d%n", held, options.sessions());
        System.out.printf("load: published       %d measured (%d/s) after %d warm-up%n",
                published.get() - options.warmupPublishes(), options.rate(), options.warmupPublishes());
        System.out.printf("load: delivered       %d of %d expected (%.3f%% lost)%n", got, expected,
                expected == 0 ? 0 : 100.0 * (expected - got) / expected);
        System.out.printf("load: delivered/s     %.0f%n", got / seconds);
        System.out.printf("load: latency         p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(90) / 1000.0,
                total.getValueAtPercentile(99) / 1000.0, total.getMaxValue() / 1000.0);
        sessions.forEach(BenchSession::close);
        publisher.close();
        return held == options.sessions() && got == expected;
    }

    private int open() {
        int open = 0;
        for (BenchSession session : sessions) {
            open += session.isOpen() ? 1 : 0;
        }
        return open;
    }

    private String token(String user) {
        return TestTokens.token(options.secret(), user, "admin", Duration.ofHours(2));
    }
}

package lab.yujian.app.bench;

import java.net.URI;
import java.time.Duration;

/**
 * What a load run does; every value is bounded, so that a run always ends by itself.
 *
 * @param url       the STOMP endpoint, on loopback
 * @param secret    the server's JWT secret, to sign session tokens
 * @param sessions  subscribers, 1 to 15000
 * @param rate      publishes per second, 1 to 1000
 * @param duration  how long to publish, 1 s to 10 min
 * @param clients   JDK HTTP clients (selector threads) the sessions are spread over
 * @param warmup    publishing at the same rate before measuring, 0 to 60 s (not counted)
 */
record LoadOptions(URI url, String secret, int sessions, int rate, Duration duration, int clients, Duration warmup) {

    LoadOptions {
        if (!url.getHost().equals("localhost") && !url.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("--url must be on loopback, was " + url);
        }
        between(sessions, 1, 15_000, "--sessions");
        between(rate, 1, 1000, "--rate");
        between((int) duration.toSeconds(), 1, 600, "--duration (seconds)");
        between(clients, 1, 64, "--clients");
        between((int) warmup.toSeconds(), 0, 60, "--warmup (seconds)");
    }

    /** Publishes made during warm-up; messages numbered up to this are not measured. */
    long warmupPublishes() {
        return warmup.toSeconds() * rate;
    }

    static LoadOptions parse(String[] args) {
        String url = "ws://127.0.0.1:3000/ws";
        String secret = System.getenv("JWT_SECRET");
        int sessions = 1000;
        int rate = 10;
        int seconds = 30;
        int clients = 8;
        int warmup = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--secret" -> secret = args[i + 1];
                case "--sessions" -> sessions = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--duration" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; options: --url --secret --sessions --rate --duration --warmup --clients");
            }
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Give the server's JWT secret with --secret or JWT_SECRET");
        }
        return new LoadOptions(URI.create(url), secret, sessions, rate, Duration.ofSeconds(seconds), clients,
                Duration.ofSeconds(warmup));
    }

    private static void between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}

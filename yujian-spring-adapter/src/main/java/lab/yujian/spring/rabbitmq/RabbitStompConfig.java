package lab.yujian.spring.rabbitmq;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link RabbitStompFanout} connects.
 *
 * @param host           the RabbitMQ host
 * @param port           its STOMP port (61613 by default)
 * @param login          the STOMP login
 * @param passcode       its passcode
 * @param virtualHost    the virtual host, sent as the STOMP {@code host} header; RabbitMQ needs it ("/")
 * @param prefix         the first word of every routing key, which keeps deployments on one vhost apart
 * @param prefetch       most unacknowledged messages per subscription (STOMP {@code prefetch-count})
 * @param heartbeat      the STOMP heart-beat offered both ways
 * @param connectTimeout how long a TCP connect may take
 */
public record RabbitStompConfig(String host, int port, String login, String passcode, String virtualHost,
                                String prefix, int prefetch, Duration heartbeat, Duration connectTimeout) {

    public RabbitStompConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(passcode, "passcode");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (virtualHost == null || virtualHost.isEmpty()) {
            throw new IllegalArgumentException("virtualHost must not be empty (RabbitMQ's default is \"/\")");
        }
        if (prefix == null || !prefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("prefix must be 1 to 64 letters, digits, '_', '.', ':' or '-', was '"
                    + prefix + "'");
        }
        if (prefetch < 1 || prefetch > 65535) {
            throw new IllegalArgumentException("prefetch must be between 1 and 65535, was " + prefetch);
        }
        if (heartbeat == null || heartbeat.toMillis() < 1000) {
            throw new IllegalArgumentException("heartbeat must be at least 1s, was " + heartbeat);
        }
        if (connectTimeout == null || connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
    }

    /** The test machine's RabbitMQ: 127.0.0.1:61613, guest/guest, vhost "/". */
    public static RabbitStompConfig localhost(String prefix) {
        return new RabbitStompConfig("127.0.0.1", 61613, "guest", "guest", "/", prefix, 512,
                Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    /** host:port, for messages. */
    public String address() {
        return host + ":" + port;
    }
}

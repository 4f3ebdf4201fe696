package lab.yujian.spring.rabbitmq;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Routing keys and STOMP destinations of one deployment ({@code prefix}), decided here only. A channel or
 * node id is encoded reversibly: letters, digits, '_', '-' and '.' stay, every other byte becomes
 * {@code ~HH}, so that '/', '*', '#' and '%' never reach RabbitMQ's destination parser or a binding.
 */
final class RoutingKeys {

    /** AMQP's limit on a routing key. */
    static final int MAX_KEY_BYTES = 255;

    private final String prefix;

    RoutingKeys(String prefix) {
        this.prefix = prefix;
    }

    String channelDestination(String channel) {
        return "/exchange/amq.topic/" + checked(prefix + ".c." + encode(channel), "channel", channel);
    }

    String nodeDestination(String nodeId) {
        return "/exchange/amq.direct/" + checked(prefix + ".n." + encode(nodeId), "node id", nodeId);
    }

    String broadcastDestination() {
        return "/exchange/amq.topic/" + prefix + ".all";
    }

    /**
     * The channel of a MESSAGE's destination, or null when it is not one of this deployment's channels.
     * RabbitMQ names the exchange its own way there ({@code /topic/<key>} for amq.topic), so only the routing
     * key after the last '/' counts; an encoded key holds no '/'.
     */
    String channelOf(String destination) {
        if (destination == null) {
            return null;
        }
        String key = destination.substring(destination.lastIndexOf('/') + 1);
        String start = prefix + ".c.";
        return key.startsWith(start) ? decode(key.substring(start.length())) : null;
    }

    private static String checked(String key, String what, String name) {
        if (name.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("The " + what + " '" + name + "' does not fit a RabbitMQ routing key"
                    + " (empty, or over " + MAX_KEY_BYTES + " bytes encoded)");
        }
        return key;
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || c == '.') {
                out.append(c);
            } else {
                out.append('~').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    static String decode(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '~' && i + 2 < key.length()) {
                out.write(Integer.parseInt(key, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package lab.yujian.spring.stomp;

import java.util.List;
import java.util.Set;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.Nullable;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * The STOMP rules a client can break, decided in one place for every command: frames before CONNECT, a
 * second CONNECT, versions this server does not speak, a malformed {@code heart-beat}, headers a command
 * requires. The interceptor applies them to the frames Spring passes on; the error handler applies them to
 * the frames Spring refused before dispatch, so that both answer a broken rule the same way: an ERROR
 * frame with the code, then close 1002. Nothing here is a server failure.
 */
public final class StompFrameRules {

    /** The STOMP versions this server speaks, newest first. */
    public static final List<String> VERSIONS = List.of("1.2", "1.1");
    /** Longest subscription id accepted; it is echoed on every MESSAGE. */
    public static final int MAX_ID_LENGTH = 256;

    private StompFrameRules() {
    }

    /**
     * A broken rule.
     *
     * @param code    the error code to answer with
     * @param message what is wrong and what to send instead
     * @param header  the offending header, if one is at fault
     */
    public record Violation(ErrorCode code, String message, @Nullable String header) {
    }

    /**
     * The first rule the frame breaks, or null if it breaks none.
     *
     * @param connected whether this WebSocket has a CONNECT accepted already
     */
    public static @Nullable Violation check(StompHeaderAccessor frame, boolean connected) {
        StompCommand command = frame.getCommand();
        if (command == null) {
            return connected ? null : notConnected("a heart-beat");
        }
        switch (command) {
            case CONNECT, STOMP -> {
                return connected ? invalid("This session is already connected; send one CONNECT per WebSocket", null)
                        : connect(frame);
            }
            case SUBSCRIBE -> {
                return connected ? required(frame, command, "id", "destination") : notConnected(command.name());
            }
            case UNSUBSCRIBE -> {
                return connected ? required(frame, command, "id") : notConnected(command.name());
            }
            case SEND -> {
                return connected ? required(frame, command, "destination") : notConnected(command.name());
            }
            case DISCONNECT -> {
                return null; // ends the session, connected or not (Spring sends one itself after every close)
            }
            default -> {
                return connected ? null : notConnected(command.name());
            }
        }
    }

    private static @Nullable Violation connect(StompHeaderAccessor frame) {
        Set<String> accepted = frame.getAcceptVersion();
        if (!accepted.isEmpty() && VERSIONS.stream().noneMatch(accepted::contains)) {
            return invalid("Unsupported STOMP version '" + abbreviate(String.join(",", accepted))
                    + "'; this server speaks 1.1 and 1.2", "accept-version");
        }
        String heartbeat = frame.getFirstNativeHeader(StompHeaderAccessor.STOMP_HEARTBEAT_HEADER);
        if (heartbeat != null && !validHeartbeat(heartbeat)) {
            return invalid("Header 'heart-beat' must be two non-negative numbers of milliseconds, such as "
                    + "10000,10000; was '" + abbreviate(heartbeat) + "'", "heart-beat");
        }
        return null;
    }

    private static boolean validHeartbeat(String value) {
        int comma = value.indexOf(',');
        return comma > 0 && comma == value.lastIndexOf(',') && milliseconds(value.substring(0, comma))
                && milliseconds(value.substring(comma + 1));
    }

    private static boolean milliseconds(String part) {
        if (part.isEmpty() || part.length() > 10) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(part) <= Integer.MAX_VALUE;
    }

    private static @Nullable Violation required(StompHeaderAccessor frame, StompCommand command, String... headers) {
        for (String header : headers) {
            String value = frame.getFirstNativeHeader(header);
            if (value == null || value.isEmpty()) {
                return missing(command, header);
            }
        }
        String id = frame.getFirstNativeHeader("id");
        if (id != null && id.length() > MAX_ID_LENGTH) {
            return invalid("Header 'id' must be at most " + MAX_ID_LENGTH + " characters", "id");
        }
        return null;
    }

    private static Violation missing(StompCommand command, String header) {
        return new Violation(ErrorCode.MISSING_FIELD, command + " needs the header '" + header + "'", header);
    }

    private static Violation notConnected(String what) {
        return invalid("Received " + what + " before CONNECT; send CONNECT first", null);
    }

    private static Violation invalid(String message, @Nullable String header) {
        return new Violation(ErrorCode.INVALID_MESSAGE, message, header);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

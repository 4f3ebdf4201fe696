package lab.yujian.spring.stomp;

import java.time.Clock;
import lab.yujian.core.YujianException;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.json.MessageCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Turns failures that end a STOMP session into an ERROR frame with the seed's code and a close with the
 * seed's close code: authentication to 1008, oversize frames to 1009, malformed frames and broken STOMP
 * rules ({@link StompFrameRules}) to 1002, overload and a hub that cannot take the session (a store down)
 * to 1011, which clients retry. The {@code message} header holds the bare code (no colons, which STOMP.js
 * shows escaped); the body is an {@link ErrorMessage}. Refusals that keep the session open never come
 * here: the hub answers those on the reply queue.
 *
 * <p>Logging: a client's fault is logged once per session, in one line, at INFO; only a failure of the
 * server itself is logged at ERROR, with its stack trace.
 */
public final class HubStompErrorHandler extends StompSubProtocolErrorHandler {

    private static final Log LOG = LogFactory.getLog(HubStompErrorHandler.class);

    private static final StompEncoder ENCODER = new StompEncoder();

    private final MessageCodec codec;
    private final Clock clock;

    public HubStompErrorHandler(MessageCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public @Nullable Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage,
                                                                       Throwable ex) {
        ManagedWebSocketSession session = ManagedWebSocketSession.current();
        Failure failure = classify(clientMessage, ex, session != null && session.isConnected());
        if (failure.code.causedByClient() && (session == null || session.firstFault())) {
            LOG.info("Closing WebSocket " + (session == null ? "?" : session.getId()) + " ("
                    + (session == null || !session.isConnected() ? "not connected" : session.clientId()) + "): "
                    + failure.code + " " + failure.message);
        }
        if (session != null) {
            session.overrideNextClose(new CloseStatus(failure.close.code(), failure.code.name()));
        }
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
        accessor.setMessage(failure.code.name());
        accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
        StompHeaderAccessor client = clientMessage == null ? null
                : MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
        if (client != null && client.getReceipt() != null) {
            accessor.setReceiptId(client.getReceipt());
        }
        accessor.setLeaveMutable(true);
        byte[] body = codec.encode(new ErrorMessage(failure.code, failure.message,
                failure.header == null ? null : codec.mapper().createObjectNode().put("field", failure.header),
                clock.millis()));
        return MessageBuilder.createMessage(body, accessor.getMessageHeaders());
    }

    /** The frame for a session closed for want of heart-beats: ERROR with code TIMEOUT. */
    public byte[] timeoutFrame() {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
        accessor.setMessage(ErrorCode.TIMEOUT.name());
        accessor.setContentType(MimeTypeUtils.APPLICATION_JSON);
        byte[] body = codec.encode(new ErrorMessage(ErrorCode.TIMEOUT,
                "No frame or heart-beat arrived from the client in time; reconnect", null, clock.millis()));
        return ENCODER.encode(accessor.getMessageHeaders(), body);
    }

    private static Failure classify(@Nullable Message<byte[]> clientMessage, Throwable ex, boolean connected) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StompAuthenticationException) {
                return new Failure(ErrorCode.AUTHENTICATION_FAILED, CloseCode.POLICY_VIOLATION, cause.getMessage(), null);
            }
            if (cause instanceof StompProtocolViolation violation) {
                return broken(violation.violation());
            }
            if (cause instanceof StompConversionException) {
                String message = String.valueOf(cause.getMessage());
                return message.contains("buffer size limit")
                        ? new Failure(ErrorCode.INVALID_MESSAGE, CloseCode.MESSAGE_TOO_BIG, "Frame too large: " + message, null)
                        : new Failure(ErrorCode.INVALID_MESSAGE, CloseCode.PROTOCOL_ERROR,
                        "Malformed STOMP frame: " + abbreviate(message), null);
            }
            if (cause instanceof YujianException refused) { // the hub refused CONNECT: a store is down, say
                return new Failure(refused.code(), CloseCode.SERVER_ERROR, refused.getMessage(), null);
            }
            if (cause instanceof TaskRejectedException) {
                return new Failure(ErrorCode.SERVICE_UNAVAILABLE, CloseCode.SERVER_ERROR,
                        "The server is overloaded; retry later", null);
            }
        }
        if (clientMessage == null) {
            // Spring could not decode the bytes into a frame at all (an unknown command, say)
            return new Failure(ErrorCode.INVALID_MESSAGE, CloseCode.PROTOCOL_ERROR, "Malformed STOMP frame: "
                    + abbreviate(String.valueOf(ex.getMessage())), null);
        }
        // Spring refused a decoded frame before dispatching it (a second CONNECT, a frame before CONNECT,
        // a heart-beat header it cannot parse): the same rules the interceptor applies say whose fault it is
        StompHeaderAccessor frame = MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
        StompFrameRules.Violation violation = frame == null ? null : StompFrameRules.check(frame, connected);
        if (violation != null) {
            return broken(violation);
        }
        LOG.error("Unexpected failure handling a STOMP frame", ex);
        return new Failure(ErrorCode.SERVER_ERROR, CloseCode.SERVER_ERROR, "The server failed to handle the frame", null);
    }

    private static Failure broken(StompFrameRules.Violation violation) {
        return new Failure(violation.code(), CloseCode.PROTOCOL_ERROR, violation.message(), violation.header());
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private record Failure(ErrorCode code, CloseCode close, String message, @Nullable String header) {
    }
}

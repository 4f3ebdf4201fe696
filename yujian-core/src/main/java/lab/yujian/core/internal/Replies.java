package lab.yujian.core.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.protocol.SubscriptionFailure;
import lab.yujian.protocol.json.MessageCodec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-session replies, and the bookkeeping of refusals: each refusal the client caused
 * ({@link ErrorCode#causedByClient()}) is a strike, and a session that runs out of strikes within a
 * rate-limit window is handed to {@code abusive} to be closed. The server's own failures are answered but
 * never counted: a store outage must not close every active session.
 */
final class Replies {

    private final SessionTransport transport;
    private final MessageCodec codec;
    private final Clock clock;
    private final RateLimiter strikes;
    private final Observers observers;
    private final Consumer<String> abusive;

    Replies(SessionTransport transport, MessageCodec codec, Clock clock, RateLimiter strikes, Observers observers,
            Consumer<String> abusive) {
        this.transport = transport;
        this.codec = codec;
        this.clock = clock;
        this.strikes = strikes;
        this.observers = observers;
        this.abusive = abusive;
    }

    void send(String clientId, ServerMessage message) {
        transport.send(clientId, codec.encode(message));
    }

    /** Sends a reply encoded already (a SYNC_RESPONSE assembled from stored DATA, say). */
    void sendEncoded(String clientId, byte[] message) {
        transport.send(clientId, message);
    }

    /** Answers {@code ERROR}; {@code field}, when known, goes into {@code details.field}. */
    void error(String clientId, ErrorCode code, String message, @Nullable String field) {
        ObjectNode details = null;
        if (field != null) {
            details = codec.mapper().createObjectNode().put("field", field);
        }
        observers.each(o -> o.refused(code));
        send(clientId, new ErrorMessage(code, message, details, clock.millis()));
        strike(clientId, code);
    }

    /** Answers a refused subscription with {@code SUBSCRIBED} listing it under {@code failed}. */
    void subscribeFailed(String clientId, String channel, ErrorCode reason) {
        observers.each(o -> o.refused(reason));
        send(clientId, new SubscribedMessage(List.of(),
                List.of(new SubscriptionFailure(channel, reason)), clock.millis()));
        strike(clientId, reason);
    }

    private void strike(String clientId, ErrorCode code) {
        if (code.causedByClient() && !strikes.tryAcquire(clientId).allowed()) {
            abusive.accept(clientId);
        }
    }
}

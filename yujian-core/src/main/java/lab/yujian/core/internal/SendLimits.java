package lab.yujian.core.internal;

import lab.yujian.core.YujianException;
import lab.yujian.core.ratelimit.RateLimitDecision;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.ErrorCode;

/**
 * The per-user budget of client sends; a refusal is answered with {@code RATE_LIMITED}, and a limiter
 * that cannot answer (its store is down) refuses the send as {@code SERVICE_UNAVAILABLE}.
 */
final class SendLimits {

    private final RateLimiter limiter;
    private final Replies replies;

    SendLimits(RateLimiter limiter, Replies replies) {
        this.limiter = limiter;
        this.replies = replies;
    }

    /** Takes one permit for the session's user; false (and the session told why) if none is left. */
    boolean permitted(Session session) {
        RateLimitDecision decision;
        try {
            decision = limiter.tryAcquire(session.userId());
        } catch (RuntimeException e) { // a shared limiter's store is down: the server's fault, not the client's
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE, "Rate limits cannot be checked now, so nothing "
                    + "was done: " + e.getMessage(), e);
        }
        if (decision.allowed()) {
            return true;
        }
        replies.error(session.clientId(), ErrorCode.RATE_LIMITED, decision.describe("user " + session.userId()), null);
        return false;
    }

    void evictIdle() {
        limiter.evictIdle();
    }
}

package lab.yujian.core.internal;

import lab.yujian.core.ratelimit.RateLimitDecision;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.Session;
import lab.yujian.protocol.ErrorCode;

/** The per-user budget of client sends; a refusal is answered with {@code RATE_LIMITED}. */
final class SendLimits {

    private final RateLimiter limiter;
    private final Replies replies;

    SendLimits(RateLimiter limiter, Replies replies) {
        this.limiter = limiter;
        this.replies = replies;
    }

    /** Takes one permit for the session's user; false (and the session told why) if none is left. */
    boolean permitted(Session session) {
        RateLimitDecision decision = limiter.tryAcquire(session.userId());
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

package lab.yujian.spring.stomp;

/**
 * A frame that breaks a STOMP rule ({@link StompFrameRules}). The error handler answers it with an ERROR
 * frame carrying the violation's code, then closes with 1002; it is the client's fault, never logged as a
 * server failure.
 */
public final class StompProtocolViolation extends RuntimeException {

    private final transient StompFrameRules.Violation violation;

    public StompProtocolViolation(StompFrameRules.Violation violation) {
        super(violation.message(), null, false, false);
        this.violation = violation;
    }

    /** The rule broken. */
    public StompFrameRules.Violation violation() {
        return violation;
    }
}

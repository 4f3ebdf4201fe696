package lab.yujian.spring.stomp;

/**
 * A CONNECT that could not be authenticated. The error handler answers it with an ERROR frame whose
 * {@code message} header is {@code AUTHENTICATION_FAILED}, and the session closes with 1008.
 */
public class StompAuthenticationException extends RuntimeException {

    /** @param message why, without the token itself */
    public StompAuthenticationException(String message) {
        super(message);
    }

    public StompAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

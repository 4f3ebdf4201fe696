package lab.yujian.app.auth;

/**
 * The body of {@code POST /api/auth/login}, refused before any lookup when a field is out of
 * {@link Credentials}' limits.
 *
 * @param username login name, up to {@value Credentials#MAX_USERNAME} characters
 * @param password password, up to {@value Credentials#MAX_PASSWORD_BYTES} bytes in UTF-8
 */
public record LoginRequest(String username, String password) {
    public LoginRequest {
        Credentials.username(username, "username");
        Credentials.password(password, "password");
    }
}

package lab.yujian.app.auth;

import lab.yujian.protocol.Fields;

/**
 * The body of {@code POST /api/auth/login}.
 *
 * @param username login name
 * @param password password
 */
public record LoginRequest(String username, String password) {
    public LoginRequest {
        Fields.requireText(username, "username");
        Fields.require(password, "password");
    }
}

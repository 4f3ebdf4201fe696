package lab.yujian.app.auth;

import lab.yujian.core.registry.Identity;
import lab.yujian.spring.security.JwtIdentities;
import org.springframework.security.oauth2.jwt.Jwt;

/** The identity of the signed-in caller, from the token, exactly as the STOMP adapter reads it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Identity identity(Jwt jwt) {
        return JwtIdentities.of(jwt);
    }
}

package lab.yujian.app.auth;

import lab.yujian.core.registry.Identity;
import org.springframework.security.oauth2.jwt.Jwt;

/** The identity of the signed-in caller, from the token, as the STOMP adapter reads it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Identity identity(Jwt jwt) {
        String role = jwt.getClaimAsString("role");
        return new Identity(jwt.getSubject(), role == null ? Identity.MEMBER : role, jwt.getClaimAsString("name"));
    }
}

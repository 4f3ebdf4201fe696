package lab.yujian.spring.security;

import lab.yujian.core.registry.Identity;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one place where a token's claims become an {@link Identity}, for STOMP sessions and for the HTTP
 * requests of an application alike: {@code sub} is the user id, {@code role} the role ({@code member} when
 * absent or blank), {@code name} the display name (the user id when absent or blank).
 */
public final class JwtIdentities {

    /** The role of a token that names none. */
    public static final String DEFAULT_ROLE = Identity.MEMBER;

    private JwtIdentities() {
    }

    /**
     * The identity a decoded token describes.
     *
     * @throws IllegalArgumentException if the token has no {@code sub}
     */
    public static Identity of(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("The token has no 'sub' claim");
        }
        String role = jwt.getClaimAsString("role");
        return new Identity(subject, role == null || role.isBlank() ? DEFAULT_ROLE : role, jwt.getClaimAsString("name"));
    }
}

package lab.yujian.spring.security;

import java.util.Map;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Nullable;
import lab.yujian.spring.stomp.StompAuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Authenticates with a JWT, read as {@link JwtIdentities} reads every token. The token is the identity; no
 * database is consulted.
 * The bearer header wins over the cookie.
 */
public final class JwtStompAuthenticator implements StompAuthenticator {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder decoder;

    public JwtStompAuthenticator(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Identity authenticate(@Nullable String authorization, @Nullable Map<String, Object> sessionAttributes) {
        String token = token(authorization, sessionAttributes);
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            throw new StompAuthenticationException("Invalid token: " + e.getMessage());
        }
        try {
            return JwtIdentities.of(jwt);
        } catch (IllegalArgumentException e) {
            throw new StompAuthenticationException("Invalid token: " + e.getMessage());
        }
    }

    private static String token(@Nullable String authorization, @Nullable Map<String, Object> attributes) {
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new StompAuthenticationException("The Authorization header must be 'Bearer <token>'");
            }
            return authorization.substring(BEARER.length()).trim();
        }
        Object cookie = attributes == null ? null : attributes.get(CookieTokenHandshakeInterceptor.TOKEN);
        if (cookie instanceof String token && !token.isBlank()) {
            return token;
        }
        throw new StompAuthenticationException("No credentials: send 'Authorization: Bearer <token>' on CONNECT "
                + "or sign in so the session cookie is sent");
    }
}

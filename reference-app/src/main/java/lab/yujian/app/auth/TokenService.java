package lab.yujian.app.auth;

import java.time.Clock;
import java.time.Instant;
import lab.yujian.app.AppProperties;
import lab.yujian.spring.config.YujianProperties;
import lab.yujian.spring.security.JwtDecoders;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/**
 * Issues the JWTs that both the REST API and STOMP CONNECT accept: HS256 with the configured secret,
 * {@code sub} the user id, {@code role} and {@code name} claims, and an expiry.
 */
@Service
public class TokenService {

    private final JwtEncoder encoder;
    private final AppProperties app;
    private final String issuer;
    private final Clock clock;

    public TokenService(YujianProperties yujian, AppProperties app, Clock clock) {
        this.encoder = NimbusJwtEncoder.withSecretKey(JwtDecoders.hmacKey(yujian.getJwt().getSecret()))
                .algorithm(MacAlgorithm.HS256).build();
        this.app = app;
        this.issuer = yujian.getJwt().getIssuer();
        this.clock = clock;
    }

    /** A signed token for a user, valid for the configured time. */
    public IssuedToken issue(UserAccount user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(app.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(user.id()).claim("role", user.role())
                .claim("name", user.name()).issuedAt(now).expiresAt(expiresAt);
        if (issuer != null && !issuer.isBlank()) {
            claims.issuer(issuer);
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    /**
     * A token and its expiry.
     *
     * @param token     the compact JWT
     * @param expiresAt when it stops working
     */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}

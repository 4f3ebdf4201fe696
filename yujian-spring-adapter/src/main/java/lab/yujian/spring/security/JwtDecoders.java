package lab.yujian.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import lab.yujian.protocol.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the JWT decoders of the adapter with Spring Security's Nimbus support. Every decoder pins its
 * algorithm (so {@code alg:none} and algorithm swaps are refused), requires {@code exp}, checks
 * {@code exp}/{@code nbf} with 60 s of skew, and checks {@code iss} when an issuer is configured.
 */
public final class JwtDecoders {

    /** The shortest HS256 secret accepted: 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private JwtDecoders() {
    }

    /** The HS256 key of a secret. */
    public static SecretKey hmacKey(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The JWT secret (yujian.jwt.secret / JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256; it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A decoder for HS256 tokens signed with {@code secret}; its validator may be extended. */
    public static NimbusJwtDecoder hs256(String secret, @Nullable String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(hmacKey(secret))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator(issuer));
        return decoder;
    }

    /** A decoder for RS256 tokens signed by a lab identity provider's JWK set. */
    public static JwtDecoder jwkSet(String jwkSetUri, @Nullable String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(issuer));
        return decoder;
    }

    /** The validator every decoder uses: {@code exp} required, timestamps checked, issuer if given. */
    public static OAuth2TokenValidator<Jwt> validator(@Nullable String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtTimestampValidator());
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}

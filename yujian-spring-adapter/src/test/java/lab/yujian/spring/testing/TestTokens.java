package lab.yujian.spring.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Signs tokens for tests, good and bad. */
public final class TestTokens {

    /** The secret the test applications are configured with (32 bytes or more). */
    public static final String SECRET = "test-secret-for-yujian-realtime-0123456789-0123456789-0123456789";

    private TestTokens() {
    }

    /** A valid HS256 token for a user with a role, valid for an hour. */
    public static String token(String userId, String role) {
        return sign(JWSAlgorithm.HS256, SECRET, claims(userId, role, Instant.now().plus(Duration.ofHours(1))));
    }

    /** A valid HS256 token signed with any secret, for tools that talk to a server with its own secret. */
    public static String token(String secret, String userId, String role, Duration validFor) {
        return sign(JWSAlgorithm.HS256, secret, claims(userId, role, Instant.now().plus(validFor)));
    }

    /** A token that expired an hour ago. */
    public static String expired(String userId, String role) {
        return sign(JWSAlgorithm.HS256, SECRET, claims(userId, role, Instant.now().minus(Duration.ofHours(1))));
    }

    /** A token signed with another secret. */
    public static String forged(String userId, String role) {
        return sign(JWSAlgorithm.HS256, "some-other-secret-that-is-also-long-enough!!",
                claims(userId, role, Instant.now().plus(Duration.ofHours(1))));
    }

    /** An unsigned token ({@code alg:none}). */
    public static String unsigned(String userId, String role) {
        return new PlainJWT(claims(userId, role, Instant.now().plus(Duration.ofHours(1)))).serialize();
    }

    /** A token signed with the right secret but HS512 instead of the pinned HS256. */
    public static String otherAlgorithm(String userId, String role) {
        return sign(JWSAlgorithm.HS512, SECRET, claims(userId, role, Instant.now().plus(Duration.ofHours(1))));
    }

    /** A correctly signed token without {@code exp}. */
    public static String withoutExpiry(String userId, String role) {
        return sign(JWSAlgorithm.HS256, SECRET, new JWTClaimsSet.Builder().subject(userId).claim("role", role).build());
    }

    private static JWTClaimsSet claims(String userId, String role, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(userId).claim("role", role).claim("name", "User " + userId)
                .issueTime(new Date()).expirationTime(Date.from(expiry)).build();
    }

    private static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package lab.instruments;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * {@code token <user> <role> [name]}: prints a token signed with {@code JWT_SECRET}, valid for 8 hours,
 * with the claims the service accepts. For trying the service; a lab's identity provider issues the real ones.
 */
final class DevTokens {

    static final Duration VALID_FOR = Duration.ofHours(8);

    private DevTokens() {
    }

    static int print(String[] args) {
        String secret = System.getenv("JWT_SECRET");
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: java -jar lab-instrument-service.jar token <user> <role> [name]");
            return 2;
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            System.err.println("Set JWT_SECRET (at least 32 bytes) to the service's secret first");
            return 2;
        }
        System.out.println(sign(secret, args[1], args[2], args.length == 4 ? args[3] : args[1], Instant.now()));
        return 0;
    }

    static String sign(String secret, String user, String role, String name, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user).claim("role", role).claim("name", name)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(VALID_FOR))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the token: " + e.getMessage(), e);
        }
    }
}

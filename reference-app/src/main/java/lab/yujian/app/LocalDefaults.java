package lab.yujian.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The defaults that let the app start with nothing configured: a data folder ({@code DATA_DIR}, default
 * {@code ./data}) and, unless {@code JWT_SECRET} is set, a JWT secret generated on first start and kept
 * in {@code <data>/jwt-secret} (readable by the owner only), so that sessions survive restarts.
 */
final class LocalDefaults {

    private LocalDefaults() {
    }

    static Map<String, Object> resolve(Map<String, String> env, boolean demo) {
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("yujian.app.data-dir", dataDir.toString());
        defaults.put("yujian.app.demo", Boolean.toString(demo));
        String secret = env.get("JWT_SECRET");
        defaults.put("yujian.jwt.secret", secret != null && !secret.isBlank() ? secret : storedSecret(dataDir));
        return defaults;
    }

    private static String storedSecret(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret");
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on other file systems
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT secret in " + file + "; set JWT_SECRET instead", e);
        }
    }
}

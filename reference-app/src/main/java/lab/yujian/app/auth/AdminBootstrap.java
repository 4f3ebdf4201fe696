package lab.yujian.app.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import lab.yujian.app.AppProperties;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.ProtocolException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On first start (an empty user table) creates the user {@code admin}, with {@code ADMIN_PASSWORD} or a
 * generated password that is printed once. Safe when several nodes start at once against one database:
 * exactly one creates the admin, and only that one reports (or prints) a password.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

    private static final Log LOG = LogFactory.getLog(AdminBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AppProperties app;
    private final Clock clock;

    public AdminBootstrap(UserRepository users, PasswordEncoder passwords, AppProperties app, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.app = app;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean given = app.adminPassword() != null && !app.adminPassword().isBlank();
        String password = given ? checked(app.adminPassword()) : generated();
        boolean created = users.insertIfAbsent(new UserAccount(UUID.randomUUID().toString(), "admin",
                "Administrator", Identity.ADMIN, passwords.encode(password), false, clock.instant()));
        if (!created) {
            LOG.info("The user 'admin' was created by another node starting at the same time");
        } else if (given) {
            LOG.info("Created the user 'admin' with the password from ADMIN_PASSWORD");
        } else {
            // On the console only, not in the log, which may be kept in files
            LOG.warn("Created the user 'admin' with a generated password, printed once on standard output");
            System.out.println("\n  Created the user 'admin' with the password '" + password + "' (shown only this once; "
                    + "change it in the admin panel, or set ADMIN_PASSWORD on a fresh install)\n");
        }
    }

    private static String checked(String password) {
        try {
            return Credentials.password(password, "ADMIN_PASSWORD");
        } catch (ProtocolException e) {
            throw new IllegalStateException(e.getMessage() + ": bcrypt reads no more, so sign-in could not tell "
                    + "a longer password from its first " + Credentials.MAX_PASSWORD_BYTES + " bytes");
        }
    }

    private static String generated() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

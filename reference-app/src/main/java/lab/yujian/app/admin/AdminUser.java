package lab.yujian.app.admin;

import java.time.Instant;
import lab.yujian.app.auth.UserAccount;

/**
 * A user as admins see it.
 *
 * @param id        user id
 * @param username  login name
 * @param name      display name
 * @param role      role
 * @param disabled  whether sign-in is blocked
 * @param createdAt when created
 */
public record AdminUser(String id, String username, String name, String role, boolean disabled, Instant createdAt) {

    static AdminUser of(UserAccount user) {
        return new AdminUser(user.id(), user.username(), user.name(), user.role(), user.disabled(), user.createdAt());
    }
}

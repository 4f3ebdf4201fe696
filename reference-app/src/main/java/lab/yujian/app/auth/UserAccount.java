package lab.yujian.app.auth;

import java.time.Instant;
import lab.yujian.core.registry.Identity;

/**
 * A row of the user table.
 *
 * @param id           stable user id, the token's {@code sub}
 * @param username     the login name
 * @param name         display name
 * @param role         {@code admin}, {@code moderator} or {@code member}
 * @param passwordHash the encoded password
 * @param disabled     a disabled user cannot sign in, and their tokens stop working
 * @param createdAt    when the user was created
 */
public record UserAccount(String id, String username, String name, String role, String passwordHash,
                          boolean disabled, Instant createdAt) {

    /** The identity a token for this user carries. */
    public Identity identity() {
        return new Identity(id, role, name);
    }

    /** The public view, without the password hash. */
    public PublicUser toPublic() {
        return new PublicUser(id, username, name, role);
    }

    /**
     * What clients see of a user.
     *
     * @param id       user id
     * @param username login name
     * @param name     display name
     * @param role     role
     */
    public record PublicUser(String id, String username, String name, String role) {
    }
}

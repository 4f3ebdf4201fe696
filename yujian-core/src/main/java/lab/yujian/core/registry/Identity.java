package lab.yujian.core.registry;

import java.util.Objects;

/**
 * An authenticated user, as the token describes them. The token is the identity: no database row is
 * needed to connect.
 *
 * @param userId the user's id (the token's {@code sub})
 * @param role   the user's role, such as {@code admin}, {@code moderator} or {@code member}
 * @param name   the display name; the user id when the token has none
 */
public record Identity(String userId, String role, String name) {

    /** The role with every right in the seed's policy. */
    public static final String ADMIN = "admin";
    /** The role that may publish but not read everything. */
    public static final String MODERATOR = "moderator";
    /** The default role of lab members. */
    public static final String MEMBER = "member";

    public Identity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        name = name == null || name.isBlank() ? userId : name;
    }
}

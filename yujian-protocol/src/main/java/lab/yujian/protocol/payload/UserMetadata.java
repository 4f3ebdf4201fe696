package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * Display data about a user, attached to presence.
 *
 * @param name   display name
 * @param avatar avatar URL
 * @param role   the user's role: {@code admin}, {@code moderator} or {@code member}
 */
public record UserMetadata(String name, @Nullable String avatar, String role) {
    public UserMetadata {
        Fields.require(name, "name");
        Fields.require(role, "role");
    }
}

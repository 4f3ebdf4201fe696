package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * Display data about a user, attached to presence.
 *
 * @param name   display name, up to {@value FieldLimits#NAME} characters
 * @param avatar avatar URL, up to {@value FieldLimits#AVATAR} characters
 * @param role   the user's role: {@code admin}, {@code moderator} or {@code member}; up to
 *               {@value FieldLimits#ROLE} characters
 */
public record UserMetadata(String name, @Nullable String avatar, String role) {
    public UserMetadata {
        Fields.maxLength(Fields.require(name, "name"), FieldLimits.NAME, "name");
        Fields.maxLength(avatar, FieldLimits.AVATAR, "avatar");
        Fields.maxLength(Fields.require(role, "role"), FieldLimits.ROLE, "role");
    }
}

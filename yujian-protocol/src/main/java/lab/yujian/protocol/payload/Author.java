package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;

/**
 * Who wrote an announcement.
 *
 * @param userId the author's user id, up to {@value FieldLimits#ID} characters
 * @param name   the author's display name, up to {@value FieldLimits#NAME} characters
 */
public record Author(String userId, String name) {
    public Author {
        Fields.requireText(userId, FieldLimits.ID, "userId");
        Fields.maxLength(Fields.require(name, "name"), FieldLimits.NAME, "name");
    }
}

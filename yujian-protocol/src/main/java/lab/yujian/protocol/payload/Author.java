package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;

/**
 * Who wrote an announcement.
 *
 * @param userId the author's user id
 * @param name   the author's display name
 */
public record Author(String userId, String name) {
    public Author {
        Fields.requireText(userId, "userId");
        Fields.require(name, "name");
    }
}

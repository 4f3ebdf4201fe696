package lab.yujian.protocol.payload;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The {@code announcements} channel's payload.
 *
 * @param id        the announcement's id
 * @param priority  low, normal, high or urgent
 * @param title     up to 200 characters
 * @param content   up to 5000 characters
 * @param author    who posted it
 * @param expiresAt when it stops being shown, ISO-8601; absent means never
 * @param timestamp when it was posted, ISO-8601
 */
public record AnnouncementPayload(String id, Priority priority, String title, String content, Author author,
                                  @Nullable String expiresAt, String timestamp) {

    /** Longest accepted title. */
    public static final int MAX_TITLE = 200;
    /** Longest accepted content. */
    public static final int MAX_CONTENT = 5000;

    public AnnouncementPayload {
        Fields.requireText(id, "id");
        Fields.require(priority, "priority");
        Fields.maxLength(Fields.requireText(title, "title"), MAX_TITLE, "title");
        Fields.maxLength(Fields.require(content, "content"), MAX_CONTENT, "content");
        Fields.require(author, "author");
        Fields.optionalInstant(expiresAt, "expiresAt");
        Fields.requireInstant(timestamp, "timestamp");
    }
}

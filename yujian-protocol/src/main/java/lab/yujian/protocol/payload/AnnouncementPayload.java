package lab.yujian.protocol.payload;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;

/**
 * The {@code announcements} channel's payload.
 *
 * @param id        the announcement's id, up to {@value FieldLimits#ID} characters
 * @param priority  low, normal, high or urgent
 * @param title     up to {@value FieldLimits#TITLE} characters
 * @param content   up to {@value FieldLimits#CONTENT} characters
 * @param author    who posted it
 * @param expiresAt when it stops being shown, ISO-8601; absent means never
 * @param timestamp when it was posted, ISO-8601
 */
public record AnnouncementPayload(String id, Priority priority, String title, String content, Author author,
                                  @Nullable String expiresAt, String timestamp) {

    public AnnouncementPayload {
        Fields.requireText(id, FieldLimits.ID, "id");
        Fields.require(priority, "priority");
        Fields.requireText(title, FieldLimits.TITLE, "title");
        Fields.maxLength(Fields.require(content, "content"), FieldLimits.CONTENT, "content");
        Fields.require(author, "author");
        Fields.optionalInstant(expiresAt, "expiresAt");
        Fields.requireInstant(timestamp, "timestamp");
    }
}

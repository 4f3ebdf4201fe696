package lab.yujian.app.announcements;

import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.Priority;

/**
 * The body of {@code POST /api/announcements}; the server adds id, author and time.
 *
 * @param priority  low, normal (the default), high or urgent
 * @param title     up to {@value FieldLimits#TITLE} characters
 * @param content   up to {@value FieldLimits#CONTENT} characters
 * @param expiresAt when to stop showing it, ISO-8601, in the future
 */
public record AnnouncementDraft(@Nullable Priority priority, String title, String content, @Nullable String expiresAt) {
    public AnnouncementDraft {
        priority = priority == null ? Priority.NORMAL : priority;
        Fields.requireText(title, FieldLimits.TITLE, "title");
        Fields.requireText(content, FieldLimits.CONTENT, "content");
        Fields.optionalInstant(expiresAt, "expiresAt");
    }
}

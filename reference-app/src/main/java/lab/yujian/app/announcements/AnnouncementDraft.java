package lab.yujian.app.announcements;

import lab.yujian.protocol.Fields;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Priority;

/**
 * The body of {@code POST /api/announcements}; the server adds id, author and time.
 *
 * @param priority  low, normal (the default), high or urgent
 * @param title     up to 200 characters
 * @param content   up to 5000 characters
 * @param expiresAt when to stop showing it, ISO-8601, in the future
 */
public record AnnouncementDraft(@Nullable Priority priority, String title, String content, @Nullable String expiresAt) {
    public AnnouncementDraft {
        priority = priority == null ? Priority.NORMAL : priority;
        Fields.maxLength(Fields.requireText(title, "title"), AnnouncementPayload.MAX_TITLE, "title");
        Fields.maxLength(Fields.requireText(content, "content"), AnnouncementPayload.MAX_CONTENT, "content");
        Fields.optionalInstant(expiresAt, "expiresAt");
    }
}

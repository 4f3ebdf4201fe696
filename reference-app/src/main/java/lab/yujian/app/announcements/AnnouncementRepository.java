package lab.yujian.app.announcements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Author;
import lab.yujian.protocol.payload.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The announcement table. */
@Repository
public class AnnouncementRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, priority, title, content, author_id, author_name, expires_at, created_at";

    private final JdbcClient jdbc;

    public AnnouncementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AnnouncementPayload> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM announcements WHERE id = ?").param(id)
                .query(AnnouncementRepository::map).optional();
    }

    /**
     * Inserts, or updates an announcement with the same id (its author and creation time stay). Two saves
     * of one new id at once both succeed: the later one updates what the first inserted.
     */
    public void save(AnnouncementPayload a) {
        if (update(a) == 0) {
            int inserted = jdbc.sql("INSERT INTO announcements (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(a.id(), priority(a.priority()), a.title(), a.content(), a.author().userId(),
                            a.author().name(), time(a.expiresAt()), time(a.timestamp()))
                    .update();
            if (inserted == 0) {
                update(a);
            }
        }
    }

    private int update(AnnouncementPayload a) {
        return jdbc.sql("UPDATE announcements SET priority = ?, title = ?, content = ?, expires_at = ? WHERE id = ?")
                .params(priority(a.priority()), a.title(), a.content(), time(a.expiresAt()), a.id()).update();
    }

    /** Announcements not expired at {@code now}, newest first. */
    public List<AnnouncementPayload> active(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM announcements WHERE expires_at IS NULL OR expires_at > ? "
                        + "ORDER BY created_at DESC LIMIT ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), limit).query(AnnouncementRepository::map).list();
    }

    private static String priority(Priority priority) {
        return JSON.valueToTree(priority).asString();
    }

    private static OffsetDateTime time(String iso) {
        return iso == null ? null : OffsetDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC);
    }

    private static AnnouncementPayload map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new AnnouncementPayload(rs.getString("id"), JSON.convertValue(rs.getString("priority"), Priority.class),
                rs.getString("title"), rs.getString("content"),
                new Author(rs.getString("author_id"), rs.getString("author_name")),
                expires == null ? null : expires.toInstant().toString(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
    }
}

package lab.yujian.app.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import lab.yujian.app.jdbc.GroupCommit;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The activity table. Entries are inserted in batches when many arrive at once (a burst of joins). */
@Repository
public class ActivityRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BATCH = 500;

    private final JdbcClient jdbc;
    private final GroupCommit inserts;

    public ActivityRepository(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.inserts = new GroupCommit(template, new TransactionTemplate(transactions),
                "INSERT INTO activity (id, type, user_id, message, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                MAX_BATCH);
    }

    /** Stores an entry; returns once it is committed. A taken id throws {@code DuplicateKeyException}. */
    public void insert(ActivityPayload activity) {
        inserts.insert(activity.id(), JSON.valueToTree(activity.type()).asString(), activity.userId(), activity.message(),
                activity.metadata() == null ? null : JSON.writeValueAsString(activity.metadata()),
                OffsetDateTime.ofInstant(Instant.parse(activity.timestamp()), ZoneOffset.UTC));
    }

    /** The newest entries, newest first. */
    public List<ActivityPayload> newest(int limit) {
        return jdbc.sql("SELECT id, type, user_id, message, metadata, created_at FROM activity "
                + "ORDER BY created_at DESC, id DESC LIMIT ?").param(limit).query(ActivityRepository::map).list();
    }

    /** The newest entries, oldest first, as a feed is read. */
    public List<ActivityPayload> recentAscending(int limit) {
        List<ActivityPayload> newest = new ArrayList<>(newest(limit));
        Collections.reverse(newest);
        return newest;
    }

    private static ActivityPayload map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new ActivityPayload(rs.getString("id"),
                JSON.convertValue(rs.getString("type"), ActivityType.class), rs.getString("user_id"),
                rs.getString("message"),
                metadata == null ? null : JSON.readValue(metadata, new TypeReference<Map<String, JsonNode>>() { }),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
    }
}

package lab.yujian.app.presence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lab.yujian.app.jdbc.GroupCommit;
import lab.yujian.core.HubObserver;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.protocol.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every presence change the hub reports, and answers queries over time. Changes are inserted in
 * batches when many arrive at once (a burst of connects).
 */
@Repository
public class PresenceLog implements HubObserver {

    private static final Log LOG = LogFactory.getLog(PresenceLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "user_id, name, status, location, activity, changed_at";
    private static final int MAX_BATCH = 500;

    private final JdbcClient jdbc;
    private final GroupCommit inserts;

    public PresenceLog(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.inserts = new GroupCommit(template, new TransactionTemplate(transactions),
                "INSERT INTO presence_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", MAX_BATCH);
    }

    @Override
    public void presenceChanged(PresenceEvent event) {
        UserPresence user = event.presence();
        try {
            inserts.insert(user.userId(), user.name(), JSON.valueToTree(user.status()).asString(), user.location(),
                    user.activity(), OffsetDateTime.ofInstant(user.lastSeen(), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warn("Presence change of " + user.userId() + " not logged", e);
        }
    }

    /**
     * Changes in {@code [from, to)}, oldest first, preceded by each user's last change before {@code from}
     * so that a reader knows who was already present when the span began.
     */
    public List<PresenceChange> between(Instant from, Instant to, @Nullable String userId) {
        String user = userId == null ? "" : " AND user_id = :user";
        return jdbc.sql("SELECT " + COLUMNS + " FROM presence_log WHERE (changed_at >= :from AND changed_at < :to" + user
                        + ") OR (user_id, changed_at) IN (SELECT user_id, MAX(changed_at) FROM presence_log "
                        + "WHERE changed_at < :from" + user + " GROUP BY user_id) ORDER BY changed_at, id")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .param("user", userId)
                .query(PresenceLog::map).list();
    }

    private static PresenceChange map(ResultSet rs, int row) throws SQLException {
        return new PresenceChange(rs.getString("user_id"), rs.getString("name"), rs.getString("status"),
                rs.getString("location"), rs.getString("activity"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant().toString());
    }
}

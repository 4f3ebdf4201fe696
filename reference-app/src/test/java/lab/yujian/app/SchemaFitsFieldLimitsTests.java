package lab.yujian.app;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lab.yujian.app.auth.Credentials;
import lab.yujian.app.devices.Device;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.PresenceUpdateMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every limit checked at the edge fits the column that keeps the value, as the migrations leave the
 * schema: so no client value a request record or payload accepts can fail in the database.
 */
class SchemaFitsFieldLimitsTests extends AppTestBase {

    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            entry("announcements.id", FieldLimits.ID),
            entry("announcements.title", FieldLimits.TITLE),
            entry("announcements.content", FieldLimits.CONTENT),
            entry("announcements.author_id", FieldLimits.ID),
            entry("announcements.author_name", FieldLimits.NAME),
            entry("activity.id", FieldLimits.ID),
            entry("activity.user_id", FieldLimits.ID),
            entry("activity.message", FieldLimits.ACTIVITY_MESSAGE),
            entry("activity.metadata", FieldLimits.ACTIVITY_METADATA),
            entry("presence_log.user_id", FieldLimits.ID),
            entry("presence_log.name", FieldLimits.NAME),
            entry("presence_log.location", Math.max(FieldLimits.PRESENCE_TEXT, PresenceUpdateMessage.MAX_TEXT)),
            entry("presence_log.activity", Math.max(FieldLimits.PRESENCE_TEXT, PresenceUpdateMessage.MAX_TEXT)),
            entry("users.id", FieldLimits.ID),
            entry("users.username", Credentials.MAX_USERNAME),
            entry("users.name", FieldLimits.NAME),
            entry("users.role", FieldLimits.ROLE),
            entry("devices.name", Device.MAX_NAME));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void everyLimitedFieldFitsItsColumn() {
        LIMITS.forEach((column, limit) -> assertThat(width(column)).as(column).isGreaterThanOrEqualTo(limit));
    }

    @Test
    void aPasswordHashFitsItsColumn() {
        assertThat(width("users.password_hash")).isGreaterThanOrEqualTo(passwords.encode("p".repeat(72)).length());
    }

    private int width(String column) {
        String[] parts = column.split("\\.");
        return jdbc.sql("SELECT character_maximum_length FROM information_schema.columns "
                        + "WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?")
                .params(parts[0], parts[1]).query(Integer.class).single();
    }
}

package lab.yujian.app.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user table. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, name, role, password_hash, disabled, created_at";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(username)
                .query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(UserRepository::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /** Active admins other than {@code exceptId}. */
    public long countOtherActiveAdmins(String exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'admin' AND NOT disabled AND id <> ?")
                .param(exceptId).query(Long.class).single();
    }

    /**
     * Whether a token for this user with this role is still good: false once the user is disabled or their
     * role changed. Users this app does not know (tokens from a lab identity provider) are left alone.
     */
    public boolean acceptsToken(String id, String role) {
        return findById(id).map(user -> !user.disabled() && user.role().equals(role)).orElse(true);
    }

    /**
     * Inserts the user unless its id or user name is taken. Atomic, also when several nodes insert the same
     * user name at once (as each does on first start): exactly one of them inserts, and the others wait
     * for it and change nothing. {@code ON CONFLICT DO NOTHING} works on PostgreSQL and on H2 in its
     * PostgreSQL mode.
     *
     * @return whether this call inserted the user
     */
    public boolean insertIfAbsent(UserAccount user) {
        return jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(user.id(), user.username(), user.name(), user.role(), user.passwordHash(), user.disabled(),
                        OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC))
                .update() == 1;
    }

    public void update(UserAccount user) {
        jdbc.sql("UPDATE users SET name = ?, role = ?, password_hash = ?, disabled = ? WHERE id = ?")
                .params(user.name(), user.role(), user.passwordHash(), user.disabled(), user.id()).update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("id"), rs.getString("username"), rs.getString("name"),
                rs.getString("role"), rs.getString("password_hash"), rs.getBoolean("disabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

}

package lab.yujian.app.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of a test's own on the real PostgreSQL of this machine (loopback, database {@code test}, user
 * {@code postgres}, or {@code YUJIAN_TEST_POSTGRES_URL}); {@link #close} drops it. The schema itself is
 * not created here: Flyway creates it, as it does on a fresh cluster database.
 */
public final class PostgresSchema implements AutoCloseable {

    /** The database's JDBC URL, without a schema. */
    public static final String URL = System.getenv().getOrDefault("YUJIAN_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    /** The database user, trusted on loopback. */
    public static final String USER = "postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** A new schema name starting with {@code yujian_<purpose>_}; nothing is created yet. */
    public static PostgresSchema named(String purpose) {
        return new PostgresSchema("yujian_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public String name() {
        return name;
    }

    /** The URL with this schema as the current one. */
    public String url() {
        return URL + "?currentSchema=" + name;
    }

    /** A data source on this schema, one new connection per use. */
    public DataSource dataSource() {
        return new DriverManagerDataSource(url(), USER, "");
    }

    /** Creates the schema and the app's tables, as a first start would. */
    public PostgresSchema migrate() {
        Flyway.configure().dataSource(url(), USER, "").schemas(name).locations("classpath:db/migration").load().migrate();
        return this;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}

package lab.yujian.app;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import lab.yujian.protocol.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start that failed for want of the database into one line that names it, in place of the stack
 * trace: {@code DATABASE_URL} missing in cluster mode (there is no embedded fallback there), or a database
 * that cannot be reached, does not exist or refuses the user. The URL is shown without its query, which
 * may hold a password.
 */
final class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        if (databaseUrlMissing()) { // whatever failed then, the node cannot run without its database
            return new FailureAnalysis("Cluster mode (YUJIAN_MODE=cluster) needs DATABASE_URL, a "
                        + "jdbc:postgresql:// URL of the database every node shares; it is not set",
                        "Set DATABASE_URL (and DATABASE_USER, DATABASE_PASSWORD), see docs/operations.md, \"Cluster mode\"",
                        failure);
        }
        String problem = problem(failure);
        if (problem == null) {
            return null;
        }
        return new FailureAnalysis("Cannot use the database " + url() + " as user '"
                + environment.getProperty("spring.datasource.username", "") + "': " + problem,
                "Check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD, and that the database server runs and "
                        + "is reachable from this node", failure);
    }

    /** What went wrong with the connection, or null when the failure is not the database's. */
    private static @Nullable String problem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                    || sql.getSQLState().startsWith("3D"))) { // connection, authorization, no such database
                return firstLine(sql.getMessage()) + " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return null;
    }

    /** Cluster mode's {@code spring.datasource.url=${DATABASE_URL}} without the variable. */
    private boolean databaseUrlMissing() {
        try {
            environment.getProperty("spring.datasource.url");
            return false;
        } catch (IllegalArgumentException unresolvable) {
            return String.valueOf(unresolvable.getMessage()).contains("DATABASE_URL");
        }
    }

    private String url() {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url unset)");
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

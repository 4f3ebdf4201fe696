package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start without its database ends with one line naming the database and why, not a stack trace. Port
 * 1 on loopback refuses connections: no database server is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupFailureTest {

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneLineNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/yujian?password=hidden",
                "--spring.datasource.username=lab")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Cannot use the database jdbc:postgresql://127.0.0.1:1/yujian as user 'lab': ")
                .doesNotContain("hidden").doesNotContain("\tat org.postgresql");
    }

    @Test
    void clusterModeWithoutDatabaseUrlStopsTheStartNamingTheVariable(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> start("--YUJIAN_MODE=cluster")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Cluster mode (YUJIAN_MODE=cluster) needs DATABASE_URL").doesNotContain("\tat ");
    }

    private static void start(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--yujian.jwt.secret=" + TestTokens.SECRET;
        all[2] = "--yujian.app.data-dir=" + Files.createTempDirectory("yujian-db-failure");
        System.arraycopy(args, 0, all, 3, args.length);
        new SpringApplicationBuilder(YujianApplication.class).run(all);
    }
}

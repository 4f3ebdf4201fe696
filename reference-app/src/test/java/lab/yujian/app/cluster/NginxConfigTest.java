package lab.yujian.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tests change in the shipped nginx.conf before running it, and nothing else. */
class NginxConfigTest {

    private static final Path PREFIX = Path.of("/tmp/nginx-prefix");

    @Test
    void testsChangeOnlyTheUpstreamServersTheListenAddressAndTempPaths() throws IOException {
        List<String> shipped = shipped().lines().toList();

        List<String> tested = Nginx.configFor(shipped(), List.of(41001, 41002), 41000, PREFIX).lines().toList();

        List<String> removed = new ArrayList<>(shipped);
        removed.removeAll(tested);
        List<String> added = new ArrayList<>(tested);
        added.removeAll(shipped);
        assertThat(removed).map(String::strip).containsExactly(
                "server app1:3000 max_fails=1 fail_timeout=3s;",
                "server app2:3000 max_fails=1 fail_timeout=3s;",
                "server app3:3000 max_fails=1 fail_timeout=3s;",
                "listen 80;");
        assertThat(added).map(String::strip).containsExactly(
                "client_body_temp_path /tmp/nginx-prefix/client_body;",
                "proxy_temp_path /tmp/nginx-prefix/proxy;",
                "fastcgi_temp_path /tmp/nginx-prefix/fastcgi;",
                "uwsgi_temp_path /tmp/nginx-prefix/uwsgi;",
                "scgi_temp_path /tmp/nginx-prefix/scgi;",
                "server 127.0.0.1:41001 max_fails=1 fail_timeout=3s;",
                "server 127.0.0.1:41002 max_fails=1 fail_timeout=3s;",
                "listen 127.0.0.1:41000;");
    }

    @Test
    void aShippedFileWithoutTheUpstreamIsReportedNotSilentlyUsed() throws IOException {
        String renamed = shipped().replace("upstream yujian_app {", "upstream other {");

        assertThatThrownBy(() -> Nginx.configFor(renamed, List.of(41001), 41000, PREFIX))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upstream yujian_app");
    }

    private static String shipped() throws IOException {
        return Files.readString(Nginx.shippedConfig(), StandardCharsets.UTF_8);
    }
}

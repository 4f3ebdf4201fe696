package lab.yujian.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped nginx.conf is one real nginx accepts, as the tests run it. */
class NginxConfigIT {

    @Test
    void shippedConfigPassesNginxTest() {
        List<Integer> threeNodes = List.of(ChildProcesses.freePort(), ChildProcesses.freePort(), ChildProcesses.freePort());

        Nginx.Check check = Nginx.check(HarnessPaths.newRunDir("nginx-config"), threeNodes);

        assertThat(check.exitCode()).as("nginx -t said:\n%s\non this config:\n%s", check.output(), check.config())
                .isZero();
        assertThat(check.output()).contains("syntax is ok").contains("test is successful")
                .doesNotContain("[warn]").doesNotContain("[emerg]");
    }
}

package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lab.yujian.app.testing.AppTestBase;
import org.junit.jupiter.api.Test;

/**
 * A STOMP client written by someone else: STOMP.js from Node, driven by a script written only from
 * docs/protocol.md (frontend/scripts/stomp-conformance.mjs), against the app on a random port.
 */
class StompJsConformanceIT extends AppTestBase {

    @Test
    void stompJsConnectsSubscribesPublishesSyncsAndSeesPresence() throws Exception {
        createUser("conformer", "moderator");
        String token = tokenOf("conformer", "password-conformer");
        File frontend = new File("../frontend").getCanonicalFile();
        Process node = new ProcessBuilder("node", "scripts/stomp-conformance.mjs", "ws://127.0.0.1:" + port + "/ws", token)
                .directory(frontend).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the script ends").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("OK connected as", "OK subscribed to presence", "OK subscribed to announcements",
                "OK published", "OK synced: recovered 1 message", "OK presence:", "at Conformance lab", "PASS");
        assertThat(node.exitValue()).as(output).isZero();
    }
}

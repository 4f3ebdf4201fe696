package lab.yujian.spring.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.StompServerTest;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Sends that complete at once complete on the writing thread, and nothing else changes. */
@SpringBootTest(classes = TestHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InlineSendCompletionsTests extends StompServerTest {

    private static final Identity ROOT = new Identity("root", Identity.ADMIN, "Root");

    @Autowired
    WebServerApplicationContext context;

    private static Map<String, Object> activity(int i) {
        return Map.of("id", "a" + i, "type", "action", "userId", "root", "message", "m" + i,
                "timestamp", "2026-02-02T09:00:00Z");
    }

    @Test
    void theConnectorRunsOnTomcatsPoolWithInlineCompletions() {
        var protocol = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler();
        assertThat(protocol.getExecutor()).isInstanceOf(InliningTomcatExecutor.class);
        InliningTomcatExecutor executor = (InliningTomcatExecutor) protocol.getExecutor();
        assertThat(executor.getMaximumPoolSize()).isEqualTo(200);
        Thread[] threads = new Thread[Thread.activeCount() * 2];
        int count = Thread.enumerate(threads);
        assertThat(java.util.Arrays.stream(threads, 0, count).map(Thread::getName))
                .as("Tomcat's thread names").anyMatch(name -> name.matches("http-nio-auto-\\d+-exec-\\d+"));
    }

    @Test
    void aFanOutCompletesItsWritesInlineAndEveryoneGetsEveryMessageInOrder() {
        List<StompTestClient> readers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readers.add(connected("reader-" + i, "admin", "activity"));
        }
        long before = InlineSendCompletions.inlined();
        for (int i = 0; i < 50; i++) {
            hub.publish(ROOT, Channel.ACTIVITY, activity(i));
        }
        for (StompTestClient reader : readers) {
            List<Long> sequences = new ArrayList<>();
            while (sequences.size() < 50) {
                DataMessage data = reader.awaitTopic("activity", DataMessage.class);
                sequences.add(data.sequence());
            }
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
        }
        assertThat(InlineSendCompletions.inlined() - before)
                .as("writes to idle loopback sockets complete at once, so their completions run inline: at least "
                        + "one per reader (a burst of messages may go out in a few BATCH frames)")
                .isGreaterThanOrEqualTo(readers.size());
    }

    @Test
    void noScopeIsLeftOpenOnAThreadAfterAWrite() {
        StompTestClient reader = connected("reader", "admin", "activity");
        hub.publish(ROOT, Channel.ACTIVITY, activity(1));
        reader.awaitTopic("activity", DataMessage.class);
        assertThat(InlineSendCompletions.scope()).isNull();
    }
}

package lab.yujian.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ErrorMessage;
import lab.yujian.protocol.SubscribedMessage;
import lab.yujian.spring.testing.StompTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What hostile and careless clients found (issue 7), over real HTTP and STOMP. Each kind of bad input is
 * answered with a clear code naming the field, keeps no memory, logs nothing at ERROR and no stack trace,
 * and leaves other clients served. Each test plays its clients from its own address (through
 * {@code X-Forwarded-For}, as behind nginx), so that one test's throttling never blocks another's.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRestIT extends AppTestBase {

    private static final Pattern ERROR_OR_TRACE = Pattern.compile("(?m)^\\S+\\s+ERROR\\s|^\\s+at [a-z]");
    private static final String E_ACUTE = "\u00e9"; // two bytes in UTF-8

    private CapturedOutput output;
    private int outFrom;
    private int errFrom;

    /** Watches what this test logs (the capture also holds what earlier tests of the class logged). */
    private void watch(CapturedOutput output) {
        this.output = output;
        this.outFrom = output.getOut().length();
        this.errFrom = output.getErr().length();
    }

    @AfterEach
    void nothingWasLoggedAtErrorNorWithAStackTrace() {
        String logged = output.getOut().substring(outFrom) + output.getErr().substring(errFrom);
        assertThat(ERROR_OR_TRACE.matcher(logged).find())
                .as("bad input is the client's problem: nothing at ERROR, no stack trace, but logged:%n%s", logged)
                .isFalse();
    }

    @Test
    void oversizedUserNamesAndPasswordsAreRefusedAtTheEdgeNamingTheField(CapturedOutput output) {
        watch(output);
        Http client = http().from("198.51.100.1");
        assertInvalid(login(client, "u".repeat(5 * 1024 * 1024), "whatever"), "username");
        assertInvalid(login(client, "u".repeat(65), "whatever"), "username");
        assertInvalid(login(client, "nul\u0000name", "whatever"), "username");
        assertInvalid(login(client, "admin", "p".repeat(73)), "password");
        assertInvalid(login(client, "admin", "p".repeat(5 * 1024 * 1024)), "password");
        assertThat(login(client, "u".repeat(64), "whatever").status()).as("at the limit: just unknown").isEqualTo(401);
        assertThat(login(client, "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void passwordsOverBcryptsSeventyTwoBytesAreRefusedAtCreationUpdateAndLogin(CapturedOutput output) {
        watch(output);
        Http admin = admin();
        String longest = "p".repeat(72);
        String tooLong = E_ACUTE.repeat(37); // 37 characters, 74 bytes
        Http.Response refused = admin.post("/api/admin/users", user("toolong", tooLong));
        assertInvalid(refused, "password");
        assertThat(refused.body()).contains("72 bytes");
        assertInvalid(admin.post("/api/admin/users", user("toolong", longest + "p")), "password");

        String id = admin.post("/api/admin/users", user("longest", longest)).json().get("id").asString();
        Http client = http().from("198.51.100.2");
        assertThat(login(client, "longest", longest).status()).isEqualTo(200);
        assertInvalid(login(client, "longest", longest + "extra"), "password");
        assertInvalid(admin.patch("/api/admin/users/" + id, "{\"password\":\"" + tooLong + "\"}"), "password");
        String multibyte = E_ACUTE.repeat(36); // 72 bytes
        assertThat(admin.patch("/api/admin/users/" + id, "{\"password\":\"" + multibyte + "\"}").status()).isEqualTo(200);
        assertThat(login(client, "longest", multibyte).status()).isEqualTo(200);
    }

    @Test
    void aLoginFloodOfDistinctHugeUserNamesKeepsTheHeapFlatIsThrottledAndOthersAreServed(CapturedOutput output)
            throws Exception {
        watch(output);
        Http flooder = http().from("198.51.100.3");
        Http healthy = admin();
        List<Integer> healthyStatuses = new CopyOnWriteArrayList<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread bystander = new Thread(() -> {
            while (flooding.get()) {
                healthyStatuses.add(healthy.get("/api/presence").status());
            }
        });
        for (int i = 0; i < 5; i++) {
            login(flooder, hugeName(-i), "warm-up");
        }
        long before = usedHeapAfterGc();
        bystander.start();

        List<Integer> hugeStatuses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            hugeStatuses.add(login(flooder, hugeName(i), "wrong-password").status());
        }
        Http.Response throttled = null;
        for (int i = 0; i < 100 && throttled == null; i++) {
            Http.Response answer = login(flooder, String.format("%064d", i), "wrong-password");
            throttled = answer.status() == 429 ? answer : null;
        }
        int signIn = login(http().from("198.51.100.4"), "admin", ADMIN_PASSWORD).status();
        flooding.set(false);
        bystander.join();
        long grown = usedHeapAfterGc() - before;

        assertThat(grown).as("live heap growth in bytes").isLessThan(20L * 1024 * 1024);
        assertThat(hugeStatuses).as("refused at the edge").containsOnly(400);
        assertThat(throttled).as("distinct user names from one address are throttled too").isNotNull();
        assertThat(throttled.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
        assertThat(healthyStatuses).as("a healthy client is served meanwhile").isNotEmpty().containsOnly(200);
        assertThat(signIn).as("another address signs in meanwhile").isEqualTo(200);
    }

    @Test
    void unknownUsersAndWrongPasswordsTakeComparableTime(CapturedOutput output) {
        watch(output);
        createUser("timed", "member");
        Http client = http().from("198.51.100.5");
        login(client, "timed", "warm-up-1");
        login(client, "no-such-user", "warm-up-1");
        long[] wrong = new long[5];
        long[] unknown = new long[5];
        for (int i = 0; i < 5; i++) {
            wrong[i] = timed(() -> assertThat(login(client, "timed", "wrong").status()).isEqualTo(401));
            unknown[i] = timed(() -> assertThat(login(client, "no-such-user", "wrong").status()).isEqualTo(401));
        }
        assertThat(median(unknown)).as("unknown-user median (ns) against wrong-password median " + median(wrong))
                .isGreaterThanOrEqualTo(median(wrong) / 2);
    }

    @Test
    void oversizedAnnouncementFieldsAreRefusedOverRestNamingTheField(CapturedOutput output) {
        watch(output);
        Http admin = admin();
        assertInvalid(admin.post("/api/announcements", draft("t".repeat(201), "c", null)), "title");
        assertInvalid(admin.post("/api/announcements", draft("t", "c".repeat(5001), null)), "content");
        assertInvalid(admin.post("/api/announcements", draft("nul\\u0000", "c", null)), "title");
        assertInvalid(admin.post("/api/announcements", draft("t", "c", "+1000000000-01-01T00:00:00Z")), "expiresAt");
        assertThat(admin.post("/api/announcements", draft("t".repeat(200), "c".repeat(5000), "9999-01-01T00:00:00Z"))
                .status()).isEqualTo(201);
    }

    @Test
    void aModeratorsOversizedStompPublishIsRefusedNamingTheFieldAndTheSessionGoesOn(CapturedOutput output) {
        watch(output);
        createUser("loudmod", "moderator");
        StompTestClient moderator = stomp(tokenOf("loudmod", "password-loudmod"));
        moderator.subscribe("/topic/announcements", "a");
        moderator.awaitReply(SubscribedMessage.class);

        moderator.send("/app/publish", announcement("i".repeat(100), "Cake"));
        assertStompInvalid(moderator.awaitReply(ErrorMessage.class), "payload.id");
        moderator.send("/app/publish", announcement("ok-id", "t".repeat(201)));
        assertStompInvalid(moderator.awaitReply(ErrorMessage.class), "payload.title");
        moderator.send("/app/publish", announcement("ok-id", "nul\\u0000"));
        assertStompInvalid(moderator.awaitReply(ErrorMessage.class), "payload.title");

        moderator.send("/app/publish", announcement("i".repeat(64), "Cake"));
        DataMessage stored = moderator.awaitTopic("announcements", DataMessage.class);
        assertThat(stored.payload().get("id").asString()).isEqualTo("i".repeat(64));
        assertThat(admin().get("/api/announcements").json().findValuesAsString("id")).contains("i".repeat(64));
    }

    @Test
    void nulCharactersInOtherStoredFieldsAreRefusedNamingTheField(CapturedOutput output) {
        watch(output);
        Http admin = admin();
        String nul = "nul\\u0000";
        assertInvalid(admin.post("/api/admin/users", "{\"username\":\"nuluser\",\"name\":\"" + nul
                + "\",\"password\":\"long-enough\",\"role\":\"member\"}"), "name");
        assertInvalid(admin.post("/api/admin/devices", "{\"name\":\"" + nul + "\"}"), "name");
        String key = admin.post("/api/admin/devices", "{\"name\":\"Hostile reader\"}").json().get("key").asString();
        Http device = http().apiKey(key);
        assertInvalid(device.post("/api/devices/checkin", "{\"username\":\"admin\",\"location\":\"" + nul + "\"}"),
                "location");
        assertInvalid(device.post("/api/devices/checkin", "{\"username\":\"" + "u".repeat(65) + "\"}"), "username");
        assertInvalid(device.post("/api/devices/health", "{\"services\":[{\"name\":\"" + "s".repeat(101)
                + "\",\"status\":\"healthy\",\"latency\":1}]}"), "services[0].name");
    }

    private static String hugeName(int i) {
        return i + "-" + "u".repeat(200 * 1024);
    }

    private static Http.Response login(Http client, String username, String password) {
        return client.post("/api/auth/login", "{\"username\":\"" + username.replace("\u0000", "\\u0000")
                + "\",\"password\":\"" + password + "\"}");
    }

    private static String user(String username, String password) {
        return "{\"username\":\"" + username + "\",\"name\":\"User " + username + "\",\"password\":\"" + password
                + "\",\"role\":\"member\"}";
    }

    private static String draft(String title, String content, String expiresAt) {
        return "{\"title\":\"" + title + "\",\"content\":\"" + content + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
    }

    private static String announcement(String id, String title) {
        return "{\"channel\":\"announcements\",\"payload\":{\"id\":\"" + id + "\",\"priority\":\"low\",\"title\":\""
                + title + "\",\"content\":\"In the kitchen\",\"author\":{\"userId\":\"x\",\"name\":\"x\"},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
    }

    private static void assertInvalid(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_MESSAGE");
        assertThat(response.json().get("details").get("field").asString()).isEqualTo(field);
    }

    private static void assertStompInvalid(ErrorMessage error, String field) {
        assertThat(error.code()).as(error.message()).isEqualTo(ErrorCode.INVALID_MESSAGE);
        assertThat(error.details().get("field").asString()).isEqualTo(field);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

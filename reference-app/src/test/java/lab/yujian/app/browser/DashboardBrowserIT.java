package lab.yujian.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.yujian.app.testing.Http;
import lab.yujian.core.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/** The dashboard as lab members use it, in real Chromium against the running app. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path ARTIFACTS = Path.of("target", "test-artifacts");
    private static RunningApp app;
    private static String adminId;

    @BeforeAll
    static void startApp() throws Exception {
        app = new RunningApp(Files.createTempDirectory("yujian-browser")).start();
        Http admin = admin();
        adminId = admin.get("/api/auth/me").json().get("id").asString();
        for (String member : new String[] {"mia", "noor"}) {
            admin.post("/api/admin/users", "{\"username\":\"" + member + "\",\"name\":\"" + capitalized(member)
                    + "\",\"password\":\"password-" + member + "\",\"role\":\"member\"}");
        }
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    private static Http admin() {
        Http http = Http.anonymous(app.port());
        String token = http.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + RunningApp.ADMIN_PASSWORD
                + "\"}").json().get("token").asString();
        return http.bearer(token);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static WebElement card(Browser browser, String userId) {
        return browser.waitUntil(Duration.ofSeconds(10), () -> browser.all("[data-testid='presence-card'][data-user-id='"
                + userId + "']").stream().findFirst().orElse(null));
    }

    private static String idOf(String username) {
        return admin().get("/api/admin/users").json().findParents("username").stream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow().get("id").asString();
    }

    @Test
    @Order(1)
    void aSignedInMemberSeesThemselvesOnline() throws Exception {
        try (Browser admin = new Browser().signIn(app.url(), "admin", RunningApp.ADMIN_PASSWORD)) {
            WebElement me = card(admin, adminId);
            assertThat(me.findElement(org.openqa.selenium.By.cssSelector("[data-testid='presence-status']")).getText())
                    .containsIgnoringCase("online");
            assertThat(admin.connectionText()).startsWith("● Connected");
            admin.screenshot(ARTIFACTS.resolve("dashboard-desktop.png"));
        }
    }

    @Test
    @Order(2)
    void anotherUserAppearsAndTheirLocationChangeShowsWithinASecond() throws Exception {
        String miaId = idOf("mia");
        try (Browser admin = new Browser().signIn(app.url(), "admin", RunningApp.ADMIN_PASSWORD);
             Browser mia = new Browser().signIn(app.url(), "mia", "password-mia")) {
            card(admin, miaId);
            mia.type("my-location-input", "Bench 7");
            long saved = System.nanoTime();
            mia.byTestId("my-status-save").click();
            admin.waitUntil(Duration.ofSeconds(1), () -> card(admin, miaId).getText().contains("Bench 7") ? true : null);
            long millis = (System.nanoTime() - saved) / 1_000_000;
            assertThat(millis).as("location change seen after %d ms", millis).isLessThan(1000);
        }
    }

    @Test
    @Order(3)
    void anAdminsAnnouncementAppearsOnAMembersPageWithoutReload() throws Exception {
        try (Browser admin = new Browser().signIn(app.url(), "admin", RunningApp.ADMIN_PASSWORD);
             Browser mia = new Browser().signIn(app.url(), "mia", "password-mia")) {
            admin.byTestId("nav-admin").click();
            admin.type("ann-title", "Freezer defrost on Friday");
            admin.type("ann-content", "Move your samples to freezer B by Thursday evening.");
            admin.byTestId("ann-submit").click();
            WebElement shown = mia.waitUntil(Duration.ofSeconds(5), () -> mia.all("[data-testid='announcement']").stream()
                    .filter(a -> a.getText().contains("Freezer defrost on Friday")).findFirst().orElse(null));
            assertThat(shown.getText()).contains("Move your samples");
        }
    }

    @Test
    @Order(4)
    void afterARestartPagesReconnectAndAMissedAnnouncementAppearsExactlyOnce() throws Exception {
        try (TcpProxy proxy = new TcpProxy(app.port());
             Browser admin = new Browser().signIn(app.url(), "admin", RunningApp.ADMIN_PASSWORD);
             Browser noor = new Browser().signIn("http://localhost:" + proxy.port() + "/", "noor", "password-noor")) {
            app.stop();
            admin.waitForState("reconnecting", Duration.ofSeconds(10));
            noor.waitForState("reconnecting", Duration.ofSeconds(10));
            assertThat(noor.connectionText()).startsWith("◌ Reconnecting…");
            app.start();
            admin.waitForState("connected", Duration.ofSeconds(40));
            noor.waitForState("connected", Duration.ofSeconds(40));

            proxy.cut(); // noor's page loses its connection while the server stays up
            noor.waitForState("reconnecting", Duration.ofSeconds(10));
            String id = admin().post("/api/announcements", "{\"priority\":\"high\",\"title\":\"Posted while Noor was away\","
                    + "\"content\":\"Seen once after recovery\"}").json().get("id").asString();
            admin.waitUntil(Duration.ofSeconds(5), () -> admin.all("[data-testid='announcement'][data-id='" + id + "']")
                    .isEmpty() ? null : true);
            proxy.heal();
            noor.waitForState("connected", Duration.ofSeconds(40));
            noor.waitUntil(Duration.ofSeconds(5), () -> noor.all("[data-testid='announcement'][data-id='" + id + "']")
                    .isEmpty() ? null : true);
            Thread.sleep(1000); // time for a duplicate to show, if one were coming
            assertThat(noor.all("[data-testid='announcement'][data-id='" + id + "']")).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void theDashboardFitsAPhoneAndItsScreenshotIsKept() throws Exception {
        try (Browser phone = new Browser(360, 740).signIn(app.url(), "mia", "password-mia")) {
            card(phone, idOf("mia"));
            long overflow = (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("horizontal overflow in px at 360 px").isLessThanOrEqualTo(0);
            phone.screenshot(ARTIFACTS.resolve("dashboard-phone-360.png"));
            phone.script("window.scrollTo(0, document.body.scrollHeight)");
            phone.screenshot(ARTIFACTS.resolve("dashboard-phone-360-bottom.png"));
        }
        assertThat(ARTIFACTS.resolve("dashboard-phone-360.png")).exists();
    }
}

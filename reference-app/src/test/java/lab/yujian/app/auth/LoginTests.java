package lab.yujian.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import lab.yujian.app.testing.AppTestBase;
import lab.yujian.app.testing.Http;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTests extends AppTestBase {

    @Test
    void theFirstAdminSignsInAndGetsATokenAndAStrictHttpOnlyCookie() {
        Http.Response login = http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("admin");
        assertThat(login.json().get("token").asString()).contains(".");
        assertThat(login.setCookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("yujian_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/"));
    }

    @Test
    void theCookieAloneAuthenticatesTheApiAndTheWebSocket() {
        String token = tokenOf("admin", ADMIN_PASSWORD);
        Http.Response me = http().cookie("yujian_session=" + token).get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("admin");

        StompTestClient browser = StompTestClient.open(URI.create("ws://localhost:" + port + "/ws"),
                Map.of("Cookie", "yujian_session=" + token));
        try {
            assertThat(browser.connect(null).command()).isEqualTo("CONNECTED");
        } finally {
            browser.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAuthenticationFailed() {
        Http.Response login = http().post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"nope\"}");
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.code()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(login.setCookies()).isEmpty();
    }

    @Test
    void aMissingFieldNamesTheField() {
        Http.Response login = http().post("/api/auth/login", "{\"username\":\"admin\"}");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("MISSING_FIELD");
        assertThat(login.json().get("details").get("field").asString()).isEqualTo("password");
        assertThat(http().post("/api/auth/login", "{not json").code()).isEqualTo("INVALID_MESSAGE");
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        createUser("guessme", "member");
        Http.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = http().post("/api/auth/login", "{\"username\":\"guessme\",\"password\":\"wrong-" + i + "\"}");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        int retryAfter = Integer.parseInt(last.header("Retry-After"));
        assertThat(retryAfter).as("10 attempts per 5 minutes: one is back within 30 s").isBetween(1, 30);
        assertThat(last.json().get("message").asString()).contains("try again in " + retryAfter + " s");
    }

    @Test
    void anExpiredCookieNeverBlocksSigningInAgain() {
        Http stale = http().cookie("yujian_session=" + TestTokens.expired("admin", "admin"));
        assertThat(stale.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(stale.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void logoutClearsTheCookie() {
        Http.Response logout = http().post("/api/auth/logout", null);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.setCookies()).singleElement().satisfies(cookie -> assertThat(cookie).contains("Max-Age=0"));
    }

    @Test
    void theApiNeedsATokenAndAnswersInTheProtocolsErrorShape() {
        Http.Response anonymous = http().get("/api/presence");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(http().bearer(TestTokens.forged("x", "admin")).get("/api/presence").status()).isEqualTo(401);
    }
}

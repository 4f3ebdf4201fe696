package lab.yujian.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.yujian.app.YujianApplication;
import lab.yujian.spring.testing.StompTestClient;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reference app on a random port with an in-memory database of its own, the admin password
 * {@value #ADMIN_PASSWORD}, and host metrics every second.
 */
@SpringBootTest(classes = YujianApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "yujian.jwt.secret=" + TestTokens.SECRET,
            "yujian.app.admin-password=" + AppTestBase.ADMIN_PASSWORD,
            "yujian.app.data-dir=${java.io.tmpdir}/yujian-app-tests",
            "yujian.app.metrics-interval=1s",
            "spring.datasource.url=jdbc:h2:mem:yujian-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
public abstract class AppTestBase {

    /** The first admin's password in tests. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    protected int port;

    private final List<StompTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeStompClients() {
        clients.forEach(StompTestClient::close);
        clients.clear();
    }

    protected Http http() {
        return Http.anonymous(port);
    }

    /** Signs in and returns a client carrying the token as a bearer. */
    protected Http signedIn(String username, String password) {
        Http.Response login = http().post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return http().bearer(login.json().get("token").asString());
    }

    protected Http admin() {
        return signedIn("admin", ADMIN_PASSWORD);
    }

    /** Creates a user through the admin API and returns its id. */
    protected String createUser(String username, String role) {
        Http.Response created = admin().post("/api/admin/users", "{\"username\":\"" + username + "\",\"name\":\"User "
                + username + "\",\"password\":\"password-" + username + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected Http signedInAs(String username) {
        return signedIn(username, "password-" + username);
    }

    /** A STOMP client connected with a token, subscribed to the replies queue. */
    protected StompTestClient stomp(String token) {
        StompTestClient client = StompTestClient.open(URI.create("ws://localhost:" + port + "/ws"), Map.of());
        clients.add(client);
        assertThat(client.connect(token).command()).isEqualTo("CONNECTED");
        client.subscribeAll();
        return client;
    }

    /** The token of a signed-in client, for STOMP. */
    protected String tokenOf(String username, String password) {
        return http().post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .json().get("token").asString();
    }
}

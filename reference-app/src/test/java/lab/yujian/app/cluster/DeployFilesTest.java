package lab.yujian.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped deployment files agree with each other, with the app and with the docs: docker-compose.yml,
 * nginx.conf, .env.example and the Dockerfile. No Docker engine runs in the tests, so this is what checks
 * the compose file and the image definition; nginx.conf itself runs in the ITs.
 */
class DeployFilesTest {

    /** What every node gets in cluster mode, by these names; cluster mode's own section documents them. */
    private static final List<String> CLUSTER_VARIABLES = List.of("YUJIAN_MODE", "RABBITMQ_HOST", "RABBITMQ_STOMP_PORT",
            "RABBITMQ_USER", "RABBITMQ_PASSWORD", "RABBITMQ_VHOST", "REDIS_URL", "REDIS_PASSWORD", "DATABASE_URL",
            "DATABASE_USER", "DATABASE_PASSWORD", "NODE_ID", "PORT", "JWT_SECRET", "ALLOWED_ORIGINS");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9]+:[0-9]+)\\b");

    private final Map<String, Map<String, Object>> services = services();

    @Test
    void composeRunsThreeAppNodesEachWithItsOwnNodeId() {
        assertThat(appServices()).containsExactly("app1", "app2", "app3");
        assertThat(appServices().stream().map(name -> env(name).get("NODE_ID")))
                .containsExactly("app1", "app2", "app3");
    }

    @Test
    void everyAppNodeGetsTheClusterVariablesByTheirNames() {
        for (String app : appServices()) {
            Map<String, String> env = env(app);
            assertThat(env).as(app).containsKeys(CLUSTER_VARIABLES.toArray(String[]::new))
                    .containsEntry("YUJIAN_MODE", "cluster").containsEntry("RABBITMQ_STOMP_PORT", "61613")
                    .containsEntry("RABBITMQ_VHOST", "/").containsEntry("REDIS_URL", "redis://redis:6379");
            assertThat(env.get("DATABASE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        }
    }

    @Test
    void composeShipsNoSecretAndRefusesToStartWithoutOne() {
        Map<String, String> app = env("app1");
        for (String secret : List.of("JWT_SECRET", "ADMIN_PASSWORD", "RABBITMQ_PASSWORD", "REDIS_PASSWORD",
                "DATABASE_PASSWORD")) {
            assertThat(app.get(secret)).as(secret).matches(REQUIRED.pattern());
        }
        assertThat(env("rabbitmq").get("RABBITMQ_DEFAULT_PASS")).matches(REQUIRED.pattern());
        assertThat(env("redis").get("REDISCLI_AUTH")).matches(REQUIRED.pattern());
        assertThat(env("postgres").get("POSTGRES_PASSWORD")).matches(REQUIRED.pattern());
    }

    @Test
    void envExampleNamesEveryRequiredVariableAndGivesNoValue() throws IOException {
        Set<String> required = matches(REQUIRED, read("docker-compose.yml"));
        Map<String, String> example = read(".env.example").lines().filter(l -> l.matches("[A-Z_]+=.*"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));

        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(required);
        assertThat(example.values()).containsOnly("");
    }

    @Test
    void nginxBalancesOverExactlyTheAppNodesOnTheirPort() throws IOException {
        Set<String> upstream = matches(UPSTREAM_SERVER, read("nginx/nginx.conf"));

        assertThat(upstream).containsExactlyInAnyOrderElementsOf(
                appServices().stream().map(app -> app + ":" + env(app).get("PORT")).toList());
        assertThat(list(services.get("nginx"), "volumes")).contains("./nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
    }

    @Test
    void everyServiceStartsOnlyAfterWhatItNeedsIsHealthy() throws IOException {
        for (String app : appServices()) {
            assertThat(dependencies(app)).as(app).containsOnlyKeys("rabbitmq", "redis", "postgres");
        }
        assertThat(dependencies("nginx")).containsOnlyKeys(appServices().toArray(String[]::new));
        services.keySet().stream().filter(s -> !appServices().contains(s))
                .forEach(s -> assertThat(services.get(s)).as(s).containsKey("healthcheck"));
        // the app nodes' healthcheck is the image's
        assertThat(read("Dockerfile")).contains("HEALTHCHECK").contains("/health/live");
    }

    @Test
    void imageRunsThePackagedJarAsAnUnprivilegedUserOnTheComposePort() throws IOException {
        String dockerfile = read("Dockerfile");

        assertThat(dockerfile).contains("/src/reference-app/target/" + HarnessPaths.APP_JAR)
                .contains("EXPOSE " + env("app1").get("PORT")).contains("USER yujian").contains("STOPSIGNAL SIGTERM").contains("$JAVA_OPTS");
    }

    @Test
    void operationsGuideNamesEveryVariableTheNodesGet() throws IOException {
        String operations = Files.readString(HarnessPaths.deploy().resolveSibling("docs").resolve("operations.md"));

        assertThat(env("app1").keySet().stream().filter(variable -> !operations.contains("`" + variable + "`")))
                .as("variables the compose file sets that docs/operations.md does not name").isEmpty();
    }

    private List<String> appServices() {
        return services.entrySet().stream().filter(e -> "deploy/Dockerfile".equals(map(e.getValue(), "build")
                .get("dockerfile"))).map(Map.Entry::getKey).sorted().toList();
    }

    private Map<String, String> env(String service) {
        return map(services.get(service), "environment").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private Map<String, Object> dependencies(String service) {
        Map<String, Object> dependsOn = map(services.get(service), "depends_on");
        dependsOn.forEach((name, condition) -> assertThat(condition).as(service + " waits for " + name)
                .isEqualTo(Map.of("condition", "service_healthy")));
        return dependsOn;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        return (List<String>) parent.getOrDefault(key, List.of());
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        Set<String> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(String file) throws IOException {
        Path path = HarnessPaths.deploy().resolve(file);
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}

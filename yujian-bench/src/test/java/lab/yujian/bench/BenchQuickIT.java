package lab.yujian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.yujian.bench.report.ScenarioResult;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized run: the quick fan-out against the stock simple-broker app and the Yu
 * Jian reference app's jar (built earlier in the same reactor), as real processes on loopback, and against
 * one cluster-mode node of the same jar. It proves
 * that the tool works: sessions connect, a healthy run delivers every message, the reports are written.
 * No timing is asserted; the numbers of a shared CI machine mean nothing. The other scenarios share the
 * same steps (open, publish and measure, read the app) and are run by {@code ./bench.sh --quick}; each
 * extra scenario would add two app starts to the build.
 */
class BenchQuickIT {

    @Test
    void quickRunConnectsDeliversEverythingAndWritesTheReport() throws Exception {
        Path out = Path.of("target", "bench-it");
        String classpath = System.getProperty("bench.classes") + ":"
                + Files.readString(Path.of(System.getProperty("bench.classpath.file"))).trim();
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--targets", "stock,yujian",
                "--scenarios", "fanout", "--rates", "10", "--warmup", "2", "--duration", "3", "--port", "3950",
                "--out", out.toString(), "--reference-jar", System.getProperty("bench.referenceJar"),
                "--doc", out.resolve("benchmarks.md").toString(), "--svg", out.resolve("benchmarks-p99.svg").toString()});

        Map<String, List<ScenarioResult>> results = BenchMain.run(options, classpath);

        assertThat(results.get("fanout")).hasSize(2);
        for (ScenarioResult r : results.get("fanout")) {
            assertThat(r.error()).as(r.target() + " fanout error").isNull();
            assertThat(r.notes()).as(r.target() + " every session ready").noneMatch(n -> n.startsWith("only "));
            assertThat(r.value("100 × 10/s: delivered/s")).as(r.target() + " delivered/s").isPositive();
            assertThat(r.value("100 × 10/s: lost")).as(r.target() + " lost").isZero();
        }
        assertThat(out.resolve("benchmarks.md")).content().contains("### fanout", "Yu Jian embedded", "benchmarks-p99.svg");
        assertThat(out.resolve("benchmarks-p99.svg")).content().startsWith("<svg").contains("Spring simple broker");
    }

    /**
     * The same quick fan-out on one cluster-mode node (the jar with {@code YUJIAN_MODE=cluster} over the
     * machine's RabbitMQ STOMP plugin, a private redis-server and a fresh PostgreSQL schema): every message
     * delivered, and the node holds its two broker connections, not one per session. About 30 s.
     */
    @Test
    void quickClusterRunDeliversEverythingOverTwoBrokerConnections() throws Exception {
        Path out = Path.of("target", "bench-it-cluster");
        String classpath = System.getProperty("bench.classes") + ":"
                + Files.readString(Path.of(System.getProperty("bench.classpath.file"))).trim();
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--targets", "yujian-cluster-1",
                "--scenarios", "fanout", "--rates", "10", "--warmup", "2", "--duration", "3", "--port", "3960",
                "--out", out.toString(), "--reference-jar", System.getProperty("bench.referenceJar"),
                "--doc", out.resolve("benchmarks.md").toString(), "--svg", out.resolve("benchmarks-p99.svg").toString()});

        ScenarioResult r = BenchMain.run(options, classpath).get("fanout").get(0);

        assertThat(r.error()).as("cluster fanout error").isNull();
        assertThat(r.notes()).as("every session ready").noneMatch(n -> n.startsWith("only "));
        assertThat(r.value("100 × 10/s: lost")).as("lost").isZero();
        assertThat(r.value("100 × 10/s: delivered/s")).as("delivered/s").isPositive();
        assertThat(r.value("broker connections per node, 101 sessions")).as("RabbitMQ STOMP connections of the node")
                .isBetween(1.0, 2.0);
    }
}

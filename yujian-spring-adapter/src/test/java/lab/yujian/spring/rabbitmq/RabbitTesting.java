package lab.yujian.spring.rabbitmq;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lab.yujian.core.history.Publication;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;

/** The test machine's RabbitMQ (STOMP on 127.0.0.1:61613) and its {@code rabbitmqctl}. */
final class RabbitTesting {

    private static final MessageCodec CODEC = MessageCodec.create();

    private RabbitTesting() {
    }

    /** A publication of {@code {"n": n}} on the channel, stamped now. */
    static Publication publication(String channel, int n) {
        long now = System.currentTimeMillis();
        return new Publication(DataEncoding.prefix(CODEC, channel, Map.of("n", n), new Sender("u", "c"), now), now);
    }

    /** Polls every 20 ms until the condition holds or the timeout passed; the caller asserts after. */
    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A fan-out of node {@code nodeId} under {@code prefix}, connected (or the test fails saying why). */
    static RabbitStompFanout connect(String prefix, String nodeId) {
        RabbitStompFanout fanout = new RabbitStompFanout(RabbitStompConfig.localhost(prefix.replace(':', '-')), nodeId);
        if (!fanout.awaitConnected(Duration.ofSeconds(10))) {
            fanout.close();
            throw new IllegalStateException("The tests need RabbitMQ's STOMP plugin at 127.0.0.1:61613 "
                    + "(scripts/prepare-test-env.sh enables it): " + fanout.lastFailure());
        }
        return fanout;
    }

    /** Runs {@code rabbitmqctl} and returns its output lines. */
    static List<String> rabbitmqctl(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "rabbitmqctl";
        command[1] = "-q";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Queues bound to {@code routingKey} on any exchange. */
    static List<String> queuesBoundTo(String routingKey) {
        return rabbitmqctl("list_bindings", "source_name", "routing_key", "destination_name").stream()
                .map(line -> line.split("\t")).filter(cols -> cols.length == 3 && cols[1].equals(routingKey))
                .map(cols -> cols[2]).toList();
    }

    /** Waits for the STOMP port to accept connections again. */
    static void awaitStompPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 61613), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("RabbitMQ's STOMP port 61613 did not open within " + timeout);
    }
}

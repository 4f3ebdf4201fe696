package lab.yujian.bench.targets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stock Spring app of this module ({@code lab.yujian.bench.stock.StockApp}), with the simple broker or,
 * for {@code relay}, the stock relay to RabbitMQ's STOMP plugin on 127.0.0.1:61613 (guest/guest).
 */
final class StockTarget implements Target {

    private final boolean relay;

    StockTarget(boolean relay) {
        this.relay = relay;
    }

    @Override
    public TargetKind kind() {
        return relay ? TargetKind.RELAY : TargetKind.STOCK;
    }

    @Override
    public String preflight(int sessions) {
        if (!relay) {
            return null;
        }
        String closed = RabbitMq.stompPortClosed();
        if (closed != null) {
            return closed;
        }
        long limit = RabbitMq.socketLimit();
        if (limit >= 0 && limit < sessions + 20) {
            return "RabbitMQ accepts only " + limit + " sockets and the relay opens one per session (" + sessions
                    + " needed): restart it with a raised file limit, see bench.sh --help";
        }
        return null;
    }

    @Override
    public RunningTarget start(TargetSettings settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.javaOptions());
        command.addAll(List.of("-cp", settings.classpath(), "lab.yujian.bench.stock.StockApp",
                "--server.port=" + settings.port(), "--server.address=127.0.0.1", "--bench.broker=" + (relay ? "relay" : "simple")));
        command.addAll(settings.serverArgs());
        String base = "127.0.0.1:" + settings.port();
        return new AppProcess(command, Map.of(), settings.runDir().resolve(kind().id() + "-app.log"),
                URI.create("ws://" + base + "/ws"), URI.create("http://" + base + "/ready"), "stock", null,
                relay ? RabbitMq.pid() : -1);
    }
}

package lab.yujian.bench.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import lab.yujian.bench.client.Connector;
import lab.yujian.bench.client.Dialect;
import lab.yujian.bench.client.StockDialect;
import lab.yujian.bench.client.YujianDialect;

/**
 * A generator process, driven by the bench over stdin/stdout: one command a line, one reply a line
 * (see {@link Commands}). It holds its sessions on a small Netty event-loop group and exits when its
 * input closes, so it never outlives the bench that started it.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(require(opts, "url"));
        if (!url.getHost().startsWith("127.") && !url.getHost().equals("localhost")) {
            throw new IllegalArgumentException("--url must be on loopback, was " + url);
        }
        int pad = Integer.parseInt(opts.getOrDefault("pad", "0"));
        Dialect dialect = "yujian".equals(require(opts, "dialect")) ? new YujianDialect(require(opts, "secret"), pad)
                : new StockDialect(pad);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but replies on stdout
        try (Connector connector = new Connector(url, opts.getOrDefault("source", "127.0.0.1"),
                Integer.parseInt(opts.getOrDefault("io-threads", "1")), dialect)) {
            Commands commands = new Commands(new Agent(connector, opts.getOrDefault("name", "a0")), out);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && commands.handle(line.trim())) {
                // one reply per command, written by handle
            }
            commands.shutdown();
        }
        System.exit(0);
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}

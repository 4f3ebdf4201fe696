package lab.yujian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.yujian.bench.report.Machine;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.HostMetrics;
import lab.yujian.protocol.payload.MetricsPayload;
import lab.yujian.protocol.payload.NetworkMetrics;
import lab.yujian.protocol.payload.ServiceHealth;
import lab.yujian.protocol.payload.ServiceStatus;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Measures, before anyone builds it, what a MessagePack body would save over the JSON the protocol sends
 * for {@code metrics} batches (issue 12 keeps it only for a 30 % saving in bytes on the wire or in CPU
 * per delivery). Both encodings start from the same message tree, built from the reference app's payload
 * shape and the protocol's own encoder ({@link DataEncoding#batch}); bytes are counted per STOMP frame
 * (body plus the MESSAGE headers the server sends); CPU is the encoder's time per batch, measured after a
 * warm-up on this JVM. Writes a Markdown report ({@code --doc}, default {@code docs/benchmarks-encoding.md}).
 *
 * <p>Encoding happens once per message and not once per recipient (the fan-out sends the same bytes to
 * every session), so the saving per delivery is the wire bytes; the encode time is paid per message.
 */
public final class EncodingMain {

    /** The saving that would justify a second encoding, from the issue. */
    static final double THRESHOLD = 0.30;
    /**
     * App CPU per delivery of one ~380-byte DATA frame, from docs/benchmarks.md (fan-out, 1,000 × 50/s):
     * the per-recipient write that every encoding pays; {@code --delivery-us} sets another.
     */
    static final double DELIVERY_MICROS = 12.3;
    static final int FRAME_OF_DELIVERY = 380;
    /** Subscribers of metrics in the verdict's case: a lab's dashboards. */
    static final int RECIPIENTS = 100;
    private static final int[] BATCH_SIZES = {1, 10, 100};
    /** A MESSAGE frame's headers as the server writes them (destination, subscription, message-id, …). */
    private static final String HEADERS = "MESSAGE\ndestination:/topic/metrics\ncontent-type:application/json\n"
            + "subscription:sub-metrics\nmessage-id:3f\ncontent-length:0000\n\n";

    private EncodingMain() {
    }

    public static void main(String[] args) throws IOException {
        Path doc = Path.of("docs/benchmarks-encoding.md");
        double deliveryMicros = DELIVERY_MICROS;
        for (int i = 0; i < args.length; i++) {
            if ("--doc".equals(args[i]) && i + 1 < args.length) {
                doc = Path.of(args[++i]);
            } else if ("--delivery-us".equals(args[i]) && i + 1 < args.length) {
                deliveryMicros = Double.parseDouble(args[++i]);
            } else if (!"--encoding".equals(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; this measurement takes --doc FILE and --delivery-us MICROS");
            }
        }
        MessageCodec codec = MessageCodec.create();
        List<Row> rows = new ArrayList<>();
        for (int size : BATCH_SIZES) {
            JsonNode tree = codec.mapper().readTree(batch(codec, size));
            byte[] json = codec.mapper().writeValueAsBytes(tree);
            byte[] msgpack = msgpack(tree);
            System.out.printf(Locale.ROOT, "[encoding] batch of %d: JSON %,d bytes, MessagePack %,d bytes; timing…%n",
                    size, json.length, msgpack.length);
            double jsonMicros = micros(() -> codec.mapper().writeValueAsBytes(tree));
            double msgpackMicros = micros(() -> msgpack(tree));
            rows.add(new Row(size, json.length + HEADERS.length(), msgpack.length + HEADERS.length(), jsonMicros,
                    msgpackMicros));
        }
        String report = report(rows, deliveryMicros);
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, report);
        System.out.println(report);
        System.out.println("[encoding] wrote " + doc);
    }

    /** A metrics BATCH as the hub sends it: the reference app's payload, sequenced DATA, one JSON body. */
    private static byte[] batch(MessageCodec codec, int size) {
        List<byte[]> data = new ArrayList<>(size);
        long start = Instant.parse("2026-12-01T09:00:00Z").toEpochMilli();
        for (int i = 0; i < size; i++) {
            MetricsPayload payload = new MetricsPayload(Instant.ofEpochMilli(start + i * 1000L).toString(),
                    new HostMetrics(12.5 + i % 7, 61.25, 43.8, new NetworkMetrics(1_204_331.0 + i, 884_112.0 + i)),
                    List.of(new ServiceStatus("database", ServiceHealth.HEALTHY, 1.7),
                            new ServiceStatus("broker", ServiceHealth.HEALTHY, 0.9)));
            byte[] prefix = DataEncoding.prefix(codec, "metrics", payload, new Sender("system", "ws_node-1_metrics"),
                    start + i * 1000L);
            data.add(DataEncoding.complete(prefix, 1_000 + i, "6f05eb89b1c65a0d"));
        }
        return DataEncoding.batch(codec, "metrics", data);
    }

    static byte[] msgpack(JsonNode tree) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            pack(packer, tree);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pack(MessageBufferPacker packer, JsonNode node) throws IOException {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT -> {
                packer.packMapHeader(node.size());
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    packer.packString(field.getKey());
                    pack(packer, field.getValue());
                }
            }
            case ARRAY -> {
                packer.packArrayHeader(node.size());
                for (JsonNode element : node) {
                    pack(packer, element);
                }
            }
            case STRING -> packer.packString(node.asString());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    packer.packLong(node.asLong());
                } else {
                    packer.packDouble(node.asDouble());
                }
            }
            case BOOLEAN -> packer.packBoolean(node.asBoolean());
            case NULL -> packer.packNil();
            default -> throw new IllegalArgumentException("No MessagePack form for a " + type + " node");
        }
    }

    /** Median of 7 rounds of the encoder's time per call, after 2 s of warm-up. */
    private static double micros(Runnable encode) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            encode.run();
        }
        double[] rounds = new double[7];
        for (int r = 0; r < rounds.length; r++) {
            int calls = 0;
            long start = System.nanoTime();
            long end = start + 200_000_000L;
            long now;
            do {
                encode.run();
                calls++;
                now = System.nanoTime();
            } while (now < end);
            rounds[r] = (now - start) / 1_000.0 / calls;
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private static String report(List<Row> rows, double deliveryMicros) {
        StringBuilder md = new StringBuilder("# Benchmarks: a MessagePack body for metrics batches\n\n")
                .append("Written by `./bench.sh --encoding` (`lab.yujian.bench.EncodingMain`); every number below comes\n")
                .append("from that run. Do not edit the numbers by hand: run it again.\n\n")
                .append("## The machine\n").append(Machine.here().describe())
                .append(String.format(Locale.ROOT, "; load average (1 min) %.2f at the end.%n%n", Machine.loadAverage()))
                .append("## How it measures\n")
                .append("A `metrics` BATCH of 1, 10 and 100 messages, each DATA with the reference app's MetricsPayload (host\n")
                .append("metrics and two services), sender, sequence, epoch and timestamp, built by the protocol's own encoder;\n")
                .append("then the same message tree written as JSON (what the server sends) and as MessagePack (maps with\n")
                .append("string keys, the form a MessagePack client would read). Bytes are per STOMP frame: the body plus the\n")
                .append("MESSAGE headers (about ").append(HEADERS.length()).append(" bytes). Encode time is the median of 7\n")
                .append("rounds of 200 ms after a 2 s warm-up, per batch; it is paid once per message, not per recipient.\n\n")
                .append("## Results\n")
                .append("| messages per batch | JSON frame (bytes) | MessagePack frame (bytes) | bytes saved | JSON encode (µs) | MessagePack encode (µs) | CPU saved |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        double bestBytes = 0;
        for (Row row : rows) {
            double bytesSaved = 1 - (double) row.msgpackBytes / row.jsonBytes;
            bestBytes = Math.max(bestBytes, bytesSaved);
            md.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %.0f %% | %.1f | %.1f | %.0f %% |%n", row.size,
                    row.jsonBytes, row.msgpackBytes, bytesSaved * 100, row.jsonMicros, row.msgpackMicros,
                    (1 - row.msgpackMicros / row.jsonMicros) * 100));
        }
        md.append(String.format(Locale.ROOT, "%n### CPU per delivery%n"
                + "The encoder runs once per message; every recipient then costs a write, %.1f µs for a %d-byte frame "
                + "(`--delivery-us`, from the fan-out in docs/benchmarks.md), taken here to grow with the frame's bytes, "
                + "which favours the smaller encoding. Per delivery = encode ÷ recipients + write.%n%n"
                + "| messages per batch | recipients | JSON (µs per delivery) | MessagePack (µs per delivery) | CPU saved |%n"
                + "|---:|---:|---:|---:|---:|%n", deliveryMicros, FRAME_OF_DELIVERY));
        double verdictCpu = 0;
        for (Row row : rows) {
            for (int recipients : new int[] {1, RECIPIENTS}) {
                double json = row.jsonMicros / recipients + deliveryMicros * row.jsonBytes / FRAME_OF_DELIVERY;
                double msgpack = row.msgpackMicros / recipients + deliveryMicros * row.msgpackBytes / FRAME_OF_DELIVERY;
                double saved = 1 - msgpack / json;
                if (recipients == RECIPIENTS) {
                    verdictCpu = Math.max(verdictCpu, saved);
                }
                md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.0f %% |%n", row.size, recipients,
                        json, msgpack, saved * 100));
            }
        }
        boolean keep = bestBytes >= THRESHOLD || verdictCpu >= THRESHOLD;
        md.append(String.format(Locale.ROOT, "%n## Verdict%nBest saving: %.0f %% of the bytes on the wire, %.0f %% of the "
                + "CPU per delivery to %d subscribers; the bar is %.0f %% of either. ",
                bestBytes * 100, verdictCpu * 100, RECIPIENTS, THRESHOLD * 100));
        md.append(keep
                ? "That clears it: a MessagePack body is worth building for metrics.\n"
                : "That does not clear it, so the protocol stays JSON-only: a second encoding would cost every client "
                        + "and the server a second code path for less than the saving asked for.\n");
        return md.toString();
    }

    private record Row(int size, int jsonBytes, int msgpackBytes, double jsonMicros, double msgpackMicros) {
    }
}

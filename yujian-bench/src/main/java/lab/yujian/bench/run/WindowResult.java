package lab.yujian.bench.run;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** RESULT lines from every agent, merged: the window's deliveries, loss by sequence, latency and pings. */
public final class WindowResult {

    public long window;
    public long subscribers;
    public long received;
    public long lost;
    public long disorder;
    public long duplicates;
    public long pings;
    public long unanswered;
    public long bodyBytes;
    public final Histogram latency = new Histogram(3);
    public final Histogram ping = new Histogram(3);

    void add(String line) {
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (key) {
                case "window" -> window = Long.parseLong(value);
                case "subs" -> subscribers += Long.parseLong(value);
                case "rcv" -> received += Long.parseLong(value);
                case "lost" -> lost += Long.parseLong(value);
                case "disorder" -> disorder += Long.parseLong(value);
                case "duplicates" -> duplicates += Long.parseLong(value);
                case "pings" -> pings += Long.parseLong(value);
                case "unanswered" -> unanswered += Long.parseLong(value);
                case "body" -> bodyBytes = Math.max(bodyBytes, Long.parseLong(value));
                case "lat" -> latency.add(decode(value));
                case "ping" -> ping.add(decode(value));
                default -> { }
            }
        }
    }

    /** Deliveries the window should have made: every message to every subscriber that was ready. */
    public long expected() {
        return window * subscribers;
    }

    /** A percentile in milliseconds. */
    public static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("an agent sent a broken histogram", e);
        }
    }
}

package lab.yujian.bench.run;

import java.util.HashMap;
import java.util.Map;

/**
 * A STATUS line from every agent, summed: per-group session counts, window deliveries, the publisher's
 * progress, CPU ticks. {@code int.p99} is the largest of the agents' last-interval p99s (for progress only).
 */
public final class Status {

    private final Map<String, Long> values = new HashMap<>();
    private String firstError = "";

    void add(String line) {
        int err = line.indexOf(" err=");
        String text = err < 0 ? line : line.substring(0, err);
        if (err >= 0 && firstError.isEmpty()) {
            firstError = line.substring(err + 5);
        }
        for (String pair : text.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String key = pair.substring(0, eq);
                long value = Long.parseLong(pair.substring(eq + 1));
                values.merge(key, value, key.endsWith("p99") ? Math::max : Long::sum);
            }
        }
    }

    public long get(String key) {
        return values.getOrDefault(key, 0L);
    }

    public long connected(String group) { return get(group + ".connected"); }
    public long ready(String group) { return get(group + ".ready"); }
    public long failed(String group) { return get(group + ".failed"); }
    public long closed(String group) { return get(group + ".closed"); }
    public long opened(String group) { return get(group + ".opened"); }
    public long received() { return get("rcv"); }
    public String firstError() { return firstError; }

    /** Sessions of the group that were opened and are not closed, whether or not they got as far as ready. */
    public long open(String group) {
        return get(group + ".opened") - get(group + ".closed");
    }

    /** Sessions of the group that are ready and not closed. */
    public long live(String group) {
        return get(group + ".live");
    }

    /** How the server framed its WebSocket messages, for the report. */
    public String wire() {
        return "text=" + get("text") + " binary=" + get("binary") + " continuation=" + get("continuation")
                + " multi-frame=" + get("multi") + " split=" + get("split");
    }
}

package lab.yujian.core.history;

import java.util.Objects;
import java.util.Set;

/**
 * What is published, before a store gives it a position: the DATA message encoded up to its position
 * ({@link lab.yujian.protocol.json.DataEncoding#prefix}), and when it was published.
 *
 * @param prefix    the DATA bytes up to and including {@code "sequence":}; not copied, never changed
 * @param timestamp when it was published, in epoch milliseconds (history trims by it)
 * @param excluded  client ids of sessions that get a {@code SKIP} instead of the DATA (a server publish
 *                  that excludes the sender's other tabs, say), on any node; fanned out, not stored
 */
public record Publication(byte[] prefix, long timestamp, Set<String> excluded) {
    public Publication {
        Objects.requireNonNull(prefix, "prefix");
        excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
    }

    /** A publication that excludes nobody. */
    public Publication(byte[] prefix, long timestamp) {
        this(prefix, timestamp, Set.of());
    }
}

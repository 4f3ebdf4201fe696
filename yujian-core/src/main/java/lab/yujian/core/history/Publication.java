package lab.yujian.core.history;

import java.util.Objects;

/**
 * What is published, before a store gives it a position: the DATA message encoded up to its position
 * ({@link lab.yujian.protocol.json.DataEncoding#prefix}), and when it was published.
 *
 * @param prefix    the DATA bytes up to and including {@code "sequence":}; not copied, never changed
 * @param timestamp when it was published, in epoch milliseconds (history trims by it)
 */
public record Publication(byte[] prefix, long timestamp) {
    public Publication {
        Objects.requireNonNull(prefix, "prefix");
    }
}

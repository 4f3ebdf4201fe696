package lab.yujian.core;

import lab.yujian.protocol.Channel;
import lab.yujian.protocol.Nullable;

/**
 * The current state of a channel, for {@code INITIAL_DATA}. The hub reads the channel's sequence
 * <em>before</em> asking, so the state returned must reflect at least every message up to that sequence;
 * anything newer is fine, because clients apply later DATA idempotently.
 */
@FunctionalInterface
public interface SnapshotProvider {

    /**
     * @return the state as a value the codec can serialize (a list of payload records, say), or null when
     *         the channel has no state to send
     */
    @Nullable Object snapshot(Channel channel);
}

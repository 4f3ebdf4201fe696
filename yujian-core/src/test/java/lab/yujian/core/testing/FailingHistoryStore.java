package lab.yujian.core.testing;

import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.Recovery;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.protocol.Nullable;

/**
 * A {@link HistoryStore} that fails every call while it is {@linkplain #down(boolean) down}, as a remote
 * store does when it goes away, and otherwise delegates. Thread-safe if the delegate is.
 */
public final class FailingHistoryStore implements HistoryStore {

    private final HistoryStore delegate;
    private volatile boolean down;

    public FailingHistoryStore(HistoryStore delegate) {
        this.delegate = delegate;
    }

    /** Takes the store down (every call throws {@link IllegalStateException}) or brings it back. */
    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public Published append(String channel, Publication publication) {
        return available().append(channel, publication);
    }

    @Override
    public StreamPosition position(String channel) {
        return available().position(channel);
    }

    @Override
    public Recovery recover(String channel, long lastSequence, @Nullable String epoch) {
        return available().recover(channel, lastSequence, epoch);
    }

    @Override
    public Snapshot latest(String channel, int limit) {
        return available().latest(channel, limit);
    }

    private HistoryStore available() {
        if (down) {
            throw new IllegalStateException("history store is down");
        }
        return delegate;
    }
}

package lab.yujian.bench.client;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * One load session: a WebSocket connection speaking STOMP. Its counters are written on its event loop and
 * read by the agent's command thread; a read may be one message behind, which a per-window total absorbs.
 */
public final class Session {

    public enum State { CONNECTING, OPEN, CONNECTED, READY, CLOSED }

    private final String user;
    private final String group;
    private volatile State state = State.CONNECTING;
    private volatile Channel channel;
    private volatile boolean stalled;
    private volatile int closeCode = -1;
    private volatile boolean failed;
    long startedNanos = System.nanoTime();
    volatile long readyNanos;
    volatile long closedNanos;

    /**
     * The current window's distinct messages received, which of them (by sequence, so reordering is not
     * mistaken for loss), duplicates, and arrivals below the highest sequence seen. Updated by the agent.
     */
    public volatile long received;
    public volatile java.util.BitSet seen;
    public volatile long duplicates;
    public volatile long lastSeq;
    public volatile long disorder;

    public Session(String user, String group) {
        this.user = user;
        this.group = group;
    }

    public String user() { return user; }
    public String group() { return group; }
    public State state() { return state; }
    public boolean stalled() { return stalled; }
    public int closeCode() { return closeCode; }
    public boolean failed() { return failed; }
    public long readyNanos() { return readyNanos; }
    public long closedNanos() { return closedNanos; }
    public long startedNanos() { return startedNanos; }
    public boolean isOpen() { return state != State.CLOSED; }

    void state(State next) {
        if (state != State.CLOSED) {
            state = next;
        }
    }

    void channel(Channel channel) { this.channel = channel; }
    void closeCode(int code) { if (closeCode < 0) { closeCode = code; } }
    void failed(boolean failed) { this.failed = failed; }

    void markClosed() {
        if (state != State.CLOSED) {
            closedNanos = System.nanoTime();
            state = State.CLOSED;
        }
    }

    /** Writes one STOMP frame (or several, concatenated) as one text WebSocket message. */
    public void send(String frames) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frames.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** Stops reading from the socket, as a client that hangs would; the server's writes then back up. */
    public void stall() {
        stalled = true;
        Channel ch = channel;
        if (ch != null) {
            ch.config().setAutoRead(false);
        }
    }

    /** Reads again, so a close frame stuck behind unread data can be seen. */
    public void resume() {
        Channel ch = channel;
        if (ch != null) {
            ch.config().setAutoRead(true);
            ch.read();
        }
    }

    /**
     * Writes a heart-beat EOL. A stalled client does not read, so this write is how it learns that the
     * server reset the connection: it fails, and the channel closes.
     */
    public void poke() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new TextWebSocketFrame("\n")).addListener(f -> {
                if (!f.isSuccess()) {
                    ch.close();
                }
            });
        }
    }

    /** Sends DISCONNECT-free close: a WebSocket close 1000, then the socket. */
    public void close() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(1000, "bench over")).addListener(f -> ch.close());
        }
    }
}

package lab.yujian.bench.client;

import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server's WebSocket messages looked like: text or binary, continuation fragments, messages that
 * held several STOMP frames and messages that ended inside a frame. Reported beside the results, so a
 * change in how the server frames its output is visible.
 */
public final class WireStats {

    public final LongAdder text = new LongAdder();
    public final LongAdder binary = new LongAdder();
    public final LongAdder continuations = new LongAdder();
    public final LongAdder multiFrame = new LongAdder();
    public final LongAdder splitFrame = new LongAdder();

    void count(WebSocketFrame frame) {
        if (frame instanceof ContinuationWebSocketFrame) {
            continuations.increment();
        } else if (frame instanceof BinaryWebSocketFrame) {
            binary.increment();
        } else {
            text.increment();
        }
    }

    void parsed(long frames, boolean partial) {
        if (frames > 1) {
            multiFrame.increment();
        }
        if (partial) {
            splitFrame.increment();
        }
    }

    /** {@code text=… binary=… continuation=… multi=… split=…}, for a status line. */
    public String summary() {
        return "text=" + text.sum() + " binary=" + binary.sum() + " continuation=" + continuations.sum()
                + " multi=" + multiFrame.sum() + " split=" + splitFrame.sum();
    }
}

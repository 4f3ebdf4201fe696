package lab.yujian.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One load session: a bare STOMP client that reacts only to what the measurement needs, to keep the
 * generator's own CPU small. Frames are scanned, not parsed as JSON.
 */
final class BenchSession implements WebSocket.Listener {

    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final Consumer<String> onData;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean open;

    private BenchSession(Consumer<String> onData) {
        this.onData = onData;
    }

    /** Connects, subscribes to the replies queue and to the channel; completes once SUBSCRIBED arrives. */
    static CompletableFuture<BenchSession> open(HttpClient client, URI url, String token, String channel,
                                                Consumer<String> onData) {
        BenchSession session = new BenchSession(onData);
        return client.newWebSocketBuilder().subprotocols("v12.stomp").buildAsync(url, session)
                .thenCompose(ws -> {
                    session.socket = ws;
                    session.open = true;
                    return ws.sendText("CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer " + token
                            + "\n\n\0SUBSCRIBE\nid:r\ndestination:/user/queue/replies\n\n\0"
                            + "SUBSCRIBE\nid:c\ndestination:/topic/" + channel + "\n\n\0", true);
                })
                .thenCompose(ws -> session.subscribed).thenApply(done -> session);
    }

    void send(String frame) {
        socket.sendText(frame, true);
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        if (open) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "load run over");
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.startsWith("MESSAGE") && frame.contains("\"type\":\"DATA\"")) {
                onData.accept(frame);
            } else if (frame.contains("\"type\":\"SUBSCRIBED\"")) {
                subscribed.complete(null);
            } else if (frame.startsWith("ERROR")) {
                subscribed.completeExceptionally(new IllegalStateException(frame.replace('\0', ' ')));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open = false;
        subscribed.completeExceptionally(error);
    }
}

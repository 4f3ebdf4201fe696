package lab.yujian.spring.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.json.MessageCodec;

/**
 * A plain STOMP 1.2 client over the JDK's WebSocket, for tests: it shows every frame and the close code,
 * and can send anything, garbage included. Frames are kept until a test takes them with an {@code await}.
 */
public final class StompTestClient implements AutoCloseable {

    /** The replies destination of the protocol. */
    public static final String REPLIES = "/user/queue/replies";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final MessageCodec CODEC = MessageCodec.create();

    private static final java.util.concurrent.atomic.AtomicLong BARRIERS = new java.util.concurrent.atomic.AtomicLong();

    private final WebSocket socket;
    private final Listener listener;
    private final List<StompFrame> frames = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode;
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();

    private StompTestClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        this.closeCode = listener.closeCode;
    }

    /** One HTTP client (one selector thread) for every test socket: a test may hold hundreds. */
    private static final HttpClient SHARED_HTTP = HttpClient.newHttpClient();

    /** Opens the WebSocket with extra handshake headers (an Origin, a Cookie). */
    public static StompTestClient open(URI uri, Map<String, String> handshakeHeaders) {
        Listener listener = new Listener();
        WebSocket.Builder builder = SHARED_HTTP.newWebSocketBuilder()
                .subprotocols("v12.stomp").connectTimeout(TIMEOUT);
        handshakeHeaders.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, listener).orTimeout(10, TimeUnit.SECONDS).join();
        StompTestClient client = new StompTestClient(socket, listener);
        listener.client = client;
        return client;
    }

    /** Opens the WebSocket with no extra headers. */
    public static StompTestClient open(URI uri) {
        return open(uri, Map.of());
    }

    /** Sends CONNECT (no heart-beats) with a bearer token, or none if null; returns CONNECTED or ERROR. */
    public StompFrame connect(String token) {
        StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n");
        if (token != null) {
            frame.append("Authorization:Bearer ").append(token).append('\n');
        }
        sendRaw(frame.append("\n\0").toString());
        return await(f -> f.command().equals("CONNECTED") || f.command().equals("ERROR"));
    }

    /** Subscribes to the reply queue and then to {@code /topic/<channel>} for each channel. */
    public void subscribeAll(String... channels) {
        subscribe(REPLIES, "replies");
        for (String channel : channels) {
            subscribe("/topic/" + channel, "sub-" + channel);
        }
    }

    public void subscribe(String destination, String id) {
        subscribe(destination, id, Map.of());
    }

    /** Subscribes with extra headers, such as {@code filter} or {@code max-rate}. */
    public void subscribe(String destination, String id, Map<String, String> headers) {
        StringBuilder frame = new StringBuilder("SUBSCRIBE\nid:").append(id).append("\ndestination:").append(destination)
                .append('\n');
        headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
        sendRaw(frame.append("\n\0").toString());
    }

    public void unsubscribe(String id) {
        sendRaw("UNSUBSCRIBE\nid:" + id + "\n\n\0");
    }

    /** Sends a JSON body to a destination. */
    public void send(String destination, String json) {
        send(destination, json, Map.of());
    }

    public void send(String destination, String json, Map<String, String> headers) {
        StringBuilder frame = new StringBuilder("SEND\ndestination:").append(destination)
                .append("\ncontent-type:application/json\ncontent-length:")
                .append(json.getBytes(StandardCharsets.UTF_8).length).append('\n');
        headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
        sendRaw(frame.append('\n').append(json).append('\0').toString());
    }

    /** Sends text as one WebSocket message, as is. */
    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Takes the first frame matching, waiting up to 10 s. */
    public StompFrame await(Predicate<StompFrame> match) {
        return await(match, TIMEOUT);
    }

    public synchronized StompFrame await(Predicate<StompFrame> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<StompFrame> it = frames.iterator(); it.hasNext(); ) {
                StompFrame frame = it.next();
                if (match.test(frame)) {
                    it.remove();
                    return frame;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching frame within " + timeout + "; unclaimed frames: " + frames
                        + (closeCode.isDone() ? "; closed with " + closeCode.join() : ""));
            }
            try {
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Takes the next reply of this type from the reply queue, decoded. */
    public <T extends ServerMessage> T awaitReply(Class<T> type) {
        StompFrame frame = await(f -> REPLIES.equals(f.header("destination")) && type.isInstance(decode(f)));
        return type.cast(decode(frame));
    }

    /** Takes the next broadcast of this type on {@code /topic/<channel>}, decoded. */
    public <T extends ServerMessage> T awaitTopic(String channel, Class<T> type) {
        StompFrame frame = await(f -> ("/topic/" + channel).equals(f.header("destination")) && type.isInstance(decode(f)));
        return type.cast(decode(frame));
    }

    /**
     * Whether a matching frame has arrived already, without taking it. The server keeps each session's
     * frames in order, so after {@link #barrier()} this also says that none was sent before it.
     */
    public synchronized boolean hasReceived(Predicate<StompFrame> match) {
        return frames.stream().anyMatch(match);
    }

    /**
     * Sends a PING and waits for its PONG: every frame the server sent this session before it has arrived.
     * Needs the reply queue subscription.
     */
    public void barrier() {
        long mark = BARRIERS.incrementAndGet() + 1_000_000_000L;
        send("/app/ping", "{\"timestamp\":" + mark + "}");
        await(f -> f.body().contains("\"PONG\"") && f.body().contains("\"clientTimestamp\":" + mark));
    }

    /** Stops reading from the socket, as a client that cannot keep up; the server's writes then back up. */
    public void pauseReading() {
        listener.paused = true;
    }

    /** Reads again. */
    public void resumeReading() {
        listener.resume();
    }

    /** The WebSocket close code, once the server closed. */
    public int awaitClose() {
        return closeCode.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public String closeReason() {
        return closeReason.getNow(null);
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Decodes a MESSAGE frame's body as a server message. */
    public static ServerMessage decode(StompFrame frame) {
        if (!"MESSAGE".equals(frame.command())) {
            return null;
        }
        try {
            return CODEC.decodeServer(frame.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private synchronized void received(String text) {
        for (String part : text.split("\0", -1)) {
            if (!part.isBlank()) {
                StompFrame frame = StompFrame.parse(part);
                frames.add(frame);
                unbatch(frame);
            }
        }
        notifyAll();
    }

    /**
     * A BATCH is kept as it came, and each DATA in it is also added as a frame of its own (header
     * {@value #UNBATCHED}), as a client that handles both would see them: a test waiting for a channel's
     * DATA does not care whether the server batched it (presence and activity are batched in bursts).
     */
    private void unbatch(StompFrame frame) {
        if (!"MESSAGE".equals(frame.command()) || frame.body() == null || !frame.body().startsWith("{\"type\":\"BATCH\"")) {
            return;
        }
        if (decode(frame) instanceof lab.yujian.protocol.BatchMessage batch) {
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(frame.headers());
            headers.put(UNBATCHED, "true");
            tools.jackson.databind.JsonNode messages = JSON.readTree(frame.body()).get("messages");
            for (int i = 0; i < batch.messages().size(); i++) {
                frames.add(new StompFrame("MESSAGE", java.util.Map.copyOf(headers), messages.get(i).toString()));
            }
        }
    }

    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Takes every frame received so far that matches, in arrival order, without waiting. */
    public synchronized List<StompFrame> drain(Predicate<StompFrame> match) {
        List<StompFrame> taken = new ArrayList<>();
        for (Iterator<StompFrame> it = frames.iterator(); it.hasNext(); ) {
            StompFrame frame = it.next();
            if (match.test(frame)) {
                taken.add(frame);
                it.remove();
            }
        }
        return taken;
    }

    /**
     * Takes every DATA of {@code /topic/<channel>} received so far, in arrival order, whether it came alone
     * or in a BATCH (the BATCH frames themselves are dropped).
     */
    public synchronized List<lab.yujian.protocol.DataMessage> drainData(String channel) {
        String destination = "/topic/" + channel;
        List<lab.yujian.protocol.DataMessage> data = new ArrayList<>();
        for (Iterator<StompFrame> it = frames.iterator(); it.hasNext(); ) {
            StompFrame frame = it.next();
            if (destination.equals(frame.header("destination"))) {
                ServerMessage message = decode(frame);
                if (message instanceof lab.yujian.protocol.DataMessage one) {
                    data.add(one);
                    it.remove();
                } else if (message instanceof lab.yujian.protocol.BatchMessage) {
                    it.remove();
                }
            }
        }
        return data;
    }

    /** The header of a DATA frame taken out of a BATCH by this client. */
    public static final String UNBATCHED = "x-test-unbatched";

    private synchronized void closed(int code, String reason) {
        closeReason.complete(reason);
        notifyAll();
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        volatile StompTestClient client;
        volatile boolean paused;
        private boolean owed;
        private WebSocket socket;

        synchronized void resume() {
            paused = false;
            if (owed) {
                owed = false;
                socket.request(1);
            }
        }

        private synchronized void requestNext(WebSocket webSocket) {
            socket = webSocket;
            if (paused) {
                owed = true;
            } else {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                while (client == null) {
                    Thread.onSpinWait();
                }
                client.received(text);
            }
            requestNext(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                String text = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                while (client == null) {
                    Thread.onSpinWait();
                }
                client.received(text);
            }
            requestNext(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            while (client == null) {
                Thread.onSpinWait();
            }
            client.closed(statusCode, reason);
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
            if (client != null) {
                client.closed(1006, String.valueOf(error.getMessage()));
            }
        }
    }
}

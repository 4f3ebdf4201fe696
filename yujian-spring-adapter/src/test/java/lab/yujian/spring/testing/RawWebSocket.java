package lab.yujian.spring.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare TCP socket, for hostile tests: it sends frames the JDK client refuses to
 * (invalid UTF-8, a frame that never ends), holds a socket open without a word, or drops it without a
 * close frame. It reads on the caller's thread.
 */
public final class RawWebSocket implements AutoCloseable {

    /** The close code reported when the server dropped the TCP connection without a close frame. */
    public static final int NO_CLOSE_FRAME = 1006;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final java.util.Map<String, String> responseHeaders = new java.util.HashMap<>();
    private final java.util.ArrayDeque<String> pendingFrames = new java.util.ArrayDeque<>();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a socket to 127.0.0.1 and upgrades it to a STOMP WebSocket.
     *
     * @return the open socket
     * @throws IllegalStateException if the server does not answer 101
     */
    public static RawWebSocket open(int port, String path) {
        return open(port, path, "");
    }

    /**
     * Like {@link #open(int, String)}, with more request headers ({@code "Name: value\r\n"} each).
     */
    public static RawWebSocket open(int port, String path, String extraHeaders) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(port, path, extraHeaders);
            return ws;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open a WebSocket on port " + port, e);
        }
    }

    private void handshake(int port, String path, String extraHeaders) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n" + extraHeaders + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                responseHeaders.put(header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        if (!status.contains(" 101 ")) {
            throw new IllegalStateException("Handshake refused: " + status);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one text frame holding these bytes, as they are (they need not be valid UTF-8). */
    public void sendText(byte[] payload) {
        sendFrame(0x1, payload, true);
    }

    /** Sends one text frame holding this text. */
    public void sendText(String text) {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a frame; {@code fin=false} starts a message that a later frame would continue. */
    public void sendFrame(int opcode, byte[] payload, boolean fin) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i & 3]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("The server closed the socket", e);
        }
    }

    /**
     * Reads frames until the server closes, and returns its close code: the code of its close frame, or
     * {@link #NO_CLOSE_FRAME} if it dropped the connection without one.
     *
     * @throws AssertionError if the server neither closes nor drops the socket within {@code timeout}
     */
    public int awaitClose(Duration timeout) {
        return awaitClose(timeout, new java.util.ArrayList<>());
    }

    /** Like {@link #awaitClose(Duration)}, collecting the text of every data frame read meanwhile. */
    public int awaitClose(Duration timeout, java.util.List<String> texts) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The server kept the socket open for longer than " + timeout);
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                int first = in.readUnsignedByte();
                byte[] payload = readPayload();
                if ((first & 0x0F) == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
                texts.add(new String(payload, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server kept the socket open for longer than " + timeout);
        } catch (EOFException e) {
            return NO_CLOSE_FRAME;
        } catch (IOException e) {
            return NO_CLOSE_FRAME;
        }
    }

    /** The headers of the server's 101 answer, by lower-case name. */
    public java.util.Map<String, String> responseHeaders() {
        return java.util.Map.copyOf(responseHeaders);
    }

    /**
     * Reads STOMP frames until one matches, and returns it. The server may put several frames in one
     * WebSocket message (each ends with a NUL), so messages are split into frames; frames read after the
     * match wait for the next call.
     *
     * @throws AssertionError if the server closes first, or nothing matches within {@code timeout}
     */
    public String awaitFrame(java.util.function.Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                while (!pendingFrames.isEmpty()) {
                    String frame = pendingFrames.poll();
                    if (match.test(frame)) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching frame within " + timeout);
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                int first = in.readUnsignedByte();
                byte[] payload = readPayload();
                if ((first & 0x0F) == 0x8) {
                    throw new AssertionError("The server closed the socket: " + new String(payload, StandardCharsets.UTF_8));
                }
                String text = new String(payload, StandardCharsets.UTF_8);
                for (String frame : text.split("\0", -1)) {
                    if (!frame.isBlank()) {
                        pendingFrames.add(frame + "\0");
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No matching frame within " + timeout);
        } catch (IOException e) {
            throw new AssertionError("The server dropped the socket", e);
        }
    }

    private byte[] readPayload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    /** Drops the TCP connection without a close frame, as a client whose network vanished. */
    public void drop() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }

    /** The raw input, for tests that read frames themselves. */
    public InputStream input() {
        return in;
    }

    @Override
    public void close() {
        drop();
    }
}

package lab.yujian.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * A streaming STOMP 1.2 frame parser for the server-to-client direction. It takes the payload of every
 * WebSocket message, text or binary, in order, and does not care where messages begin or end: several
 * frames in one message, a frame split over several messages, and heart-beat EOLs ({@code \n} or
 * {@code \r\n}) before or between frames are all handled. A {@code content-length} header is honoured
 * (the body may then hold NUL bytes); without one, the body ends at the first NUL. Not thread-safe: one
 * parser per connection, fed from its event loop.
 */
public final class StompParser {

    /** A partial frame larger than this is a broken stream, not a slow one. */
    static final int MAX_FRAME = 4 * 1024 * 1024;

    private final ByteBufAllocator alloc;
    private final Consumer<StompFrame> sink;
    private final StompFrame frame = new StompFrame();
    private ByteBuf cumulation;
    private long heartbeats;
    private long frames;

    public StompParser(ByteBufAllocator alloc, Consumer<StompFrame> sink) {
        this.alloc = alloc;
        this.sink = sink;
    }

    /** Parses what {@code content} completes; keeps any partial frame for the next call. Does not release it. */
    public void feed(ByteBuf content) {
        ByteBuf buf = content;
        if (cumulation != null) {
            cumulation.writeBytes(content, content.readerIndex(), content.readableBytes());
            buf = cumulation;
        }
        int from = buf.readerIndex();
        parse(buf);
        if (buf == content) {
            if (buf.isReadable()) {
                cumulation = alloc.heapBuffer(Math.max(1024, 2 * buf.readableBytes()));
                cumulation.writeBytes(buf);
            }
            buf.readerIndex(from); // leave the caller's buffer as it was
        } else if (!cumulation.isReadable()) {
            release();
        } else if (cumulation.readableBytes() > MAX_FRAME) {
            throw new IllegalStateException("A STOMP frame over " + MAX_FRAME + " bytes, or a stream without NUL");
        } else {
            cumulation.discardReadBytes();
        }
    }

    /** Frees a partial frame; call when the connection closes. */
    public void release() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    public long heartbeats() {
        return heartbeats;
    }

    public long frames() {
        return frames;
    }

    /** True while part of a frame waits for the next WebSocket message. */
    public boolean hasPartial() {
        return cumulation != null;
    }

    private void parse(ByteBuf buf) {
        while (true) {
            int start = skipHeartbeats(buf);
            int end = buf.writerIndex();
            if (start == end) {
                return;
            }
            int commandEnd = buf.indexOf(start, end, (byte) '\n');
            if (commandEnd < 0) {
                return;
            }
            int headersFrom = commandEnd + 1;
            int line = headersFrom;
            int contentLength = -1;
            int headersTo;
            while (true) {
                int nl = buf.indexOf(line, end, (byte) '\n');
                if (nl < 0) {
                    return;
                }
                int lineEnd = nl > line && buf.getByte(nl - 1) == '\r' ? nl - 1 : nl;
                if (lineEnd == line) {
                    headersTo = line;
                    line = nl + 1;
                    break;
                }
                if (contentLength < 0) {
                    contentLength = contentLength(buf, line, lineEnd);
                }
                line = nl + 1;
            }
            int bodyFrom = line;
            int bodyTo;
            if (contentLength >= 0) {
                if (end - bodyFrom < contentLength + 1) {
                    return;
                }
                bodyTo = bodyFrom + contentLength;
                if (buf.getByte(bodyTo) != 0) {
                    throw new IllegalStateException("No NUL after a body of content-length " + contentLength);
                }
            } else {
                bodyTo = buf.indexOf(bodyFrom, end, (byte) 0);
                if (bodyTo < 0) {
                    return;
                }
            }
            frame.set(buf, command(buf, start, commandEnd), headersFrom, headersTo, bodyFrom, bodyTo);
            buf.readerIndex(bodyTo + 1);
            frames++;
            sink.accept(frame);
        }
    }

    private int skipHeartbeats(ByteBuf buf) {
        int at = buf.readerIndex();
        int end = buf.writerIndex();
        while (at < end) {
            byte b = buf.getByte(at);
            if (b == '\n') {
                heartbeats++;
            } else if (b != '\r') {
                break;
            }
            at++;
        }
        buf.readerIndex(at);
        return at;
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes();

    private static int contentLength(ByteBuf buf, int from, int to) {
        if (to - from <= CONTENT_LENGTH.length) {
            return -1;
        }
        for (int i = 0; i < CONTENT_LENGTH.length; i++) {
            if (buf.getByte(from + i) != CONTENT_LENGTH[i]) {
                return -1;
            }
        }
        int value = 0;
        for (int i = from + CONTENT_LENGTH.length; i < to; i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') {
                throw new IllegalStateException("A content-length that is not a number");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static StompFrame.Command command(ByteBuf buf, int from, int to) {
        int length = (to > from && buf.getByte(to - 1) == '\r' ? to - 1 : to) - from;
        byte first = buf.getByte(from);
        if (first == 'M' && length == 7) {
            return StompFrame.Command.MESSAGE;
        } else if (first == 'C' && length == 9) {
            return StompFrame.Command.CONNECTED;
        } else if (first == 'R' && length == 7) {
            return StompFrame.Command.RECEIPT;
        } else if (first == 'E' && length == 5) {
            return StompFrame.Command.ERROR;
        }
        return StompFrame.Command.OTHER;
    }
}

package lab.yujian.bench.client;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * One STOMP frame as a view into the bytes it was parsed from. The parser reuses one instance per
 * session, so a frame is valid only during the callback that receives it: copy what must outlive it.
 */
public final class StompFrame {

    /** The commands a client receives; anything else is {@link #OTHER}. */
    public enum Command { CONNECTED, MESSAGE, RECEIPT, ERROR, OTHER }

    private ByteBuf buf;
    private Command command;
    private int headersFrom;
    private int headersTo;
    private int bodyFrom;
    private int bodyTo;

    void set(ByteBuf buf, Command command, int headersFrom, int headersTo, int bodyFrom, int bodyTo) {
        this.buf = buf;
        this.command = command;
        this.headersFrom = headersFrom;
        this.headersTo = headersTo;
        this.bodyFrom = bodyFrom;
        this.bodyTo = bodyTo;
    }

    public Command command() {
        return command;
    }

    /** The value of the first header called {@code name} (STOMP 1.2: the first one wins), unescaped, or null. */
    public String header(String name) {
        int at = headerValue(name);
        if (at < 0) {
            return null;
        }
        int end = buf.indexOf(at, headersTo, (byte) '\n');
        end = end < 0 ? headersTo : end;
        if (end > at && buf.getByte(end - 1) == '\r') {
            end--;
        }
        return unescape(buf.toString(at, end - at, StandardCharsets.UTF_8));
    }

    /** STOMP 1.2 header escapes: {@code \c} a colon, {@code \n} a newline, {@code \r} a return, {@code \\} a backslash. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                sb.append(n == 'c' ? ':' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The first byte of a header's value, or -1: a cheap way to tell subscriptions with one-letter ids. */
    public int headerFirstByte(String name) {
        int at = headerValue(name);
        return at < 0 || at >= headersTo ? -1 : buf.getByte(at);
    }

    private int headerValue(String name) {
        int line = headersFrom;
        while (line < headersTo) {
            if (startsWith(line, name) && line + name.length() < headersTo && buf.getByte(line + name.length()) == ':') {
                return line + name.length() + 1;
            }
            int nl = buf.indexOf(line, headersTo, (byte) '\n');
            if (nl < 0) {
                return -1;
            }
            line = nl + 1;
        }
        return -1;
    }

    private boolean startsWith(int at, String text) {
        if (at + text.length() > headersTo) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (buf.getByte(at + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public ByteBuf buffer() {
        return buf;
    }

    public int bodyFrom() {
        return bodyFrom;
    }

    public int bodyTo() {
        return bodyTo;
    }

    public int bodyLength() {
        return bodyTo - bodyFrom;
    }

    public String body() {
        return buf.toString(bodyFrom, bodyTo - bodyFrom, StandardCharsets.UTF_8);
    }
}

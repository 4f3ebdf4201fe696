package lab.yujian.spring.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP frame as received.
 *
 * @param command the command line, such as {@code MESSAGE}
 * @param headers headers, unescaped; the first occurrence of a repeated header wins, as in STOMP 1.2
 * @param body    the body as text
 */
public record StompFrame(String command, Map<String, String> headers, String body) {

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public static StompFrame parse(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int headerEnd = text.indexOf("\n\n", start);
        String head = headerEnd < 0 ? text.substring(start) : text.substring(start, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 2);
        String[] lines = head.split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(unescape(lines[i].substring(0, colon)), unescape(lines[i].substring(colon + 1)));
            }
        }
        return new StompFrame(lines[0].trim(), headers, body);
    }

    private static String unescape(String value) {
        return value.replace("\\c", ":").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
    }
}

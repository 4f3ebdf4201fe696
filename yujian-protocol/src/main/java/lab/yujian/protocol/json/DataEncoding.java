package lab.yujian.protocol.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.SyncResponseMessage;

/**
 * The one encoding of a {@code DATA} message, made once and shared by history, the broker's wire and every
 * socket. A DATA body is encoded before its position is known, as a <em>prefix</em> that ends with
 * {@code "sequence":}, and completed by whoever assigns the position (the history store, which may be a
 * Redis script doing the same concatenation):
 *
 * <pre>{"type":"DATA","channel":…,"payload":…,"sender":…,"timestamp":…,"sequence":<b>12</b>,"epoch":"<b>e</b>"}</pre>
 *
 * The bytes decode to the {@link DataMessage} with the same fields. Messages that carry several DATA
 * ({@code BATCH}, {@code SYNC_RESPONSE}) are assembled from the DATA bytes without encoding them again.
 */
public final class DataEncoding {

    /** What an epoch may consist of, so that it needs no escaping in JSON. */
    public static final Pattern EPOCH = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final byte[] EPOCH_FIELD = ",\"epoch\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_MESSAGES = "\"messages\":[]".getBytes(StandardCharsets.US_ASCII);

    private DataEncoding() {
    }

    /**
     * Encodes a DATA message up to its position: everything but the sequence and the epoch.
     *
     * @param payload the payload record (or tree), encoded as it is
     */
    public static byte[] prefix(MessageCodec codec, String channel, Object payload, Sender sender, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes("{\"type\":\"DATA\",\"channel\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(codec.mapper().writeValueAsBytes(channel));
        out.writeBytes(",\"payload\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(codec.mapper().writeValueAsBytes(payload));
        out.writeBytes(",\"sender\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(codec.mapper().writeValueAsBytes(sender));
        out.writeBytes((",\"timestamp\":" + timestamp + ",\"sequence\":").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * The whole DATA message: the prefix, the sequence and the epoch.
     *
     * @throws IllegalArgumentException if the epoch does not match {@link #EPOCH} or the sequence is below 1
     */
    public static byte[] complete(byte[] prefix, long sequence, String epoch) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        checkEpoch(epoch);
        byte[] digits = Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
        byte[] epochBytes = epoch.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[prefix.length + digits.length + EPOCH_FIELD.length + epochBytes.length + END.length];
        int at = copy(prefix, data, 0);
        at = copy(digits, data, at);
        at = copy(EPOCH_FIELD, data, at);
        at = copy(epochBytes, data, at);
        copy(END, data, at);
        return data;
    }

    /** Refuses an epoch that could not be written into JSON as it is. */
    public static String checkEpoch(String epoch) {
        if (epoch == null || !EPOCH.matcher(epoch).matches()) {
            throw new IllegalArgumentException("An epoch is 1 to 64 letters, digits, '_', '.' or '-', was '" + epoch + "'");
        }
        return epoch;
    }

    /** A BATCH of these DATA messages, in the order given. */
    public static byte[] batch(MessageCodec codec, String channel, List<byte[]> data) {
        return withMessages(codec.encode(new BatchMessage(channel, List.of())), data);
    }

    /** A SYNC_RESPONSE carrying these DATA messages; {@code response.messages()} must be empty. */
    public static byte[] syncResponse(MessageCodec codec, SyncResponseMessage response, List<byte[]> data) {
        if (!response.messages().isEmpty()) {
            throw new IllegalArgumentException("the messages are given as bytes, not in the record");
        }
        return withMessages(codec.encode(response), data);
    }

    /** The sequence of an encoded DATA message, read from its end. */
    public static long sequenceOf(byte[] data) {
        int epochAt = epochFieldAt(data);
        long sequence = 0;
        long scale = 1;
        for (int i = epochAt - 1; i >= 0 && data[i] != ':'; i--) {
            sequence += (data[i] - '0') * scale;
            scale *= 10;
        }
        return sequence;
    }

    /** The epoch of an encoded DATA message, read from its end. */
    public static String epochOf(byte[] data) {
        int start = epochFieldAt(data) + EPOCH_FIELD.length;
        return new String(data, start, data.length - END.length - start, StandardCharsets.US_ASCII);
    }

    private static int epochFieldAt(byte[] data) {
        Objects.requireNonNull(data, "data");
        for (int i = data.length - EPOCH_FIELD.length - END.length; i >= 0; i--) {
            if (data[i] == ',' && regionMatches(data, i, EPOCH_FIELD)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not an encoded DATA message: no epoch at its end");
    }

    private static byte[] withMessages(byte[] encoded, List<byte[]> data) {
        int at = indexOf(encoded, EMPTY_MESSAGES);
        int size = encoded.length + Math.max(0, data.size() - 1);
        for (byte[] message : data) {
            size += message.length;
        }
        byte[] out = new byte[size];
        int split = at + EMPTY_MESSAGES.length - 1; // just before ']'
        int position = copy(encoded, 0, split, out, 0);
        for (int i = 0; i < data.size(); i++) {
            if (i > 0) {
                out[position++] = ',';
            }
            position = copy(data.get(i), out, position);
        }
        copy(encoded, split, encoded.length - split, out, position);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (regionMatches(haystack, i, needle)) {
                return i;
            }
        }
        throw new IllegalStateException("no empty \"messages\" list in " + new String(haystack, StandardCharsets.UTF_8));
    }

    private static boolean regionMatches(byte[] data, int at, byte[] part) {
        for (int j = 0; j < part.length; j++) {
            if (data[at + j] != part[j]) {
                return false;
            }
        }
        return true;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static int copy(byte[] from, int offset, int length, byte[] to, int at) {
        System.arraycopy(from, offset, to, at, length);
        return at + length;
    }

    /** Decodes an encoded DATA message, for tests and tools; null if the bytes are another message. */
    public static @Nullable DataMessage decode(MessageCodec codec, byte[] data) {
        ServerMessage message = codec.decodeServer(data);
        return message instanceof DataMessage dataMessage ? dataMessage : null;
    }
}

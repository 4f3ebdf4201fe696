package lab.yujian.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lab.yujian.core.Transport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.json.MessageCodec;

/** A {@link Transport} that records everything, decoding the bytes for assertions. Thread-safe. */
public final class RecordingTransport implements Transport {

    /** A broadcast on a channel. */
    public record Broadcast(String channel, ServerMessage message) {
    }

    /** A reply to one session. */
    public record Reply(String clientId, ServerMessage message) {
    }

    /** A close of one session. */
    public record Close(String clientId, CloseCode code, String reason) {
    }

    private final MessageCodec codec = MessageCodec.create();
    private final List<Broadcast> broadcasts = new ArrayList<>();
    private final List<Reply> replies = new ArrayList<>();
    private final List<Close> closes = new ArrayList<>();

    @Override
    public synchronized void broadcast(Channel channel, byte[] message) {
        broadcasts.add(new Broadcast(channel.name(), codec.decodeServer(message)));
    }

    @Override
    public synchronized void send(String clientId, byte[] message) {
        replies.add(new Reply(clientId, codec.decodeServer(message)));
    }

    @Override
    public synchronized void close(String clientId, CloseCode code, String reason) {
        closes.add(new Close(clientId, code, reason));
    }

    public synchronized List<Broadcast> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /** Messages broadcast on one channel, in order. */
    public synchronized List<ServerMessage> broadcastsOn(String channel) {
        return broadcasts.stream().filter(b -> b.channel.equals(channel)).map(Broadcast::message)
                .collect(Collectors.toList());
    }

    /** Replies to one session, in order. */
    public synchronized List<ServerMessage> repliesTo(String clientId) {
        return replies.stream().filter(r -> r.clientId.equals(clientId)).map(Reply::message)
                .collect(Collectors.toList());
    }

    /** Replies of one type to one session, in order. */
    public synchronized <T extends ServerMessage> List<T> repliesTo(String clientId, Class<T> type) {
        return replies.stream().filter(r -> r.clientId.equals(clientId)).map(Reply::message)
                .filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    public synchronized List<Close> closes() {
        return List.copyOf(closes);
    }

    public synchronized void clear() {
        broadcasts.clear();
        replies.clear();
        closes.clear();
    }
}

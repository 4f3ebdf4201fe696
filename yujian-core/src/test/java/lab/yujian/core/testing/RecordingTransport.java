package lab.yujian.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lab.yujian.core.SessionTransport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.json.MessageCodec;

/** A {@link SessionTransport} that records everything, decoding the bytes for assertions. Thread-safe. */
public final class RecordingTransport implements SessionTransport {

    /** One delivery of a broadcast on a channel, to the sessions it reached. */
    public record Broadcast(String channel, ServerMessage message, List<String> recipients) {
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
    public synchronized void deliver(Channel channel, byte[] message, Iterable<String> clientIds) {
        List<String> recipients = new ArrayList<>();
        clientIds.forEach(recipients::add);
        broadcasts.add(new Broadcast(channel.name(), codec.decodeServer(message), List.copyOf(recipients)));
        notifyAll();
    }

    @Override
    public synchronized void send(String clientId, byte[] message) {
        replies.add(new Reply(clientId, codec.decodeServer(message)));
        notifyAll();
    }

    @Override
    public synchronized void close(String clientId, CloseCode code, String reason) {
        closes.add(new Close(clientId, code, reason));
    }

    public synchronized List<Broadcast> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /** Messages delivered on one channel, in order. */
    public synchronized List<ServerMessage> broadcastsOn(String channel) {
        return broadcasts.stream().filter(b -> b.channel.equals(channel)).map(Broadcast::message)
                .collect(Collectors.toList());
    }

    /** Messages delivered on one channel to one session, in order. */
    public synchronized List<ServerMessage> broadcastsTo(String clientId, String channel) {
        return broadcasts.stream().filter(b -> b.channel.equals(channel) && b.recipients.contains(clientId))
                .map(Broadcast::message).collect(Collectors.toList());
    }

    /** Waits until {@code count} messages were delivered on the channel, at most 5 s. */
    public synchronized List<ServerMessage> awaitBroadcasts(String channel, int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (broadcastsOn(channel).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Only " + broadcastsOn(channel).size() + " of " + count
                        + " broadcasts on " + channel + " arrived");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return broadcastsOn(channel);
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

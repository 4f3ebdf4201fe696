package lab.yujian.core.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.batch.MessageBatcher;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKinds;
import lab.yujian.protocol.SkipMessage;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;
import tools.jackson.databind.JsonNode;

/**
 * The last step of every publication on this node: its one encoding to every local subscriber of its
 * channel, through the transport, or into the channel's batch first where the channel is batched (a BATCH
 * is assembled from the DATA bytes, not encoded again). Called by the channel's stream, in sequence
 * order, under its lock.
 *
 * <p>Some sessions may not see every message: those a server publish excluded, and those whose
 * subscription filter a message does not match ({@link SubscriptionFilters}); and conflated subscriptions
 * ({@link Conflations}) get only the latest message they may see, at their pace. They get a {@code SKIP} in
 * each hidden message's place, and the messages they may see as DATA, or as BATCH where several are
 * consecutive. Everyone else gets the shared frame, so that a channel where nobody is excluded or filters
 * costs what it always did; otherwise each SKIP is encoded once per message and each distinct view once.
 */
final class LocalDelivery {

    private final ConnectionRegistry registry;
    private final SessionTransport transport;
    private final MessageCodec codec;
    private final BatchConfig batching;
    private final SubscriptionFilters filters;
    private final Conflations conflations;
    private final ChannelKinds kinds;
    private MessageBatcher batcher;

    LocalDelivery(ConnectionRegistry registry, SessionTransport transport, MessageCodec codec, BatchConfig batching,
                  SubscriptionFilters filters, Conflations conflations, ChannelKinds kinds) {
        this.kinds = kinds;
        this.conflations = conflations;
        this.registry = registry;
        this.transport = transport;
        this.codec = codec;
        this.batching = batching;
        this.filters = filters;
    }

    /** The batcher of batched channels, whose sink is {@link #deliverBatch}. */
    void useBatcher(MessageBatcher batcher) {
        this.batcher = batcher;
    }

    void deliver(Published message) {
        Channel channel = kinds.parse(message.channel());
        if (batching.batches(channel)) {
            batcher.add(message);
        } else if (batching.batchesBursts(channel)) {
            batcher.addBurst(message);
        } else {
            deliverAlone(message);
        }
    }

    /** The batcher's sink for a burst channel's message that goes out alone, as DATA. */
    void deliverAlone(Published message) {
        deliverAll(message.channel(), List.of(message), false);
    }

    /** The sink of the batcher. */
    void deliverBatch(String channelName, List<Published> messages) {
        deliverAll(channelName, messages, true);
    }

    private void deliverAll(String channelName, List<Published> messages, boolean batch) {
        Channel channel = kinds.parse(channelName);
        Set<String> special = special(channelName, messages);
        Iterable<String> subscribers = registry.subscribers(channelName);
        if (special.isEmpty()) {
            transport.deliver(channel, frame(channelName, messages, batch), subscribers);
            return;
        }
        transport.deliver(channel, frame(channelName, messages, batch), () -> new Filtered(subscribers, special));
        JsonNode[] payloads = new JsonNode[messages.size()];
        Set<String> conflating = conflations.conflating(channelName);
        Map<BitSet, List<String>> views = new HashMap<>();
        for (String clientId : subscribers) {
            if (!special.contains(clientId)) {
                continue;
            }
            BitSet hidden = hidden(clientId, channelName, messages, payloads);
            if (conflating.contains(clientId)) {
                int latest = latestVisible(hidden, messages.size());
                if (latest >= 0) {
                    conflations.offer(clientId, messages.get(latest));
                }
            } else {
                views.computeIfAbsent(hidden, v -> new ArrayList<>()).add(clientId);
            }
        }
        byte[][] skips = new byte[messages.size()][];
        views.forEach((hidden, clientIds) -> deliverView(channel, messages, hidden, skips, clientIds));
    }

    /**
     * The sessions that may not get the shared frame: excluded by a message, filtering or conflating the
     * channel. Empty, and cheap, for a channel where nobody is.
     */
    private Set<String> special(String channelName, List<Published> messages) {
        Set<String> filtering = filters.filtering(channelName);
        Set<String> conflating = conflations.conflating(channelName);
        Set<String> special = conflating.isEmpty() ? null : new HashSet<>(conflating);
        if (special != null) {
            special.addAll(filtering);
        }
        for (Published message : messages) {
            if (!message.excluded().isEmpty()) {
                special = special == null ? new HashSet<>(filtering) : special;
                special.addAll(message.excluded());
            }
        }
        return special == null ? filtering : special;
    }

    private static int latestVisible(BitSet hidden, int size) {
        for (int i = size - 1; i >= 0; i--) {
            if (!hidden.get(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Which messages the session may not see; payloads are read once per message, when first needed. */
    private BitSet hidden(String clientId, String channelName, List<Published> messages, JsonNode[] payloads) {
        BitSet hidden = new BitSet(messages.size());
        boolean filters = this.filters.of(clientId, channelName) != null;
        for (int i = 0; i < messages.size(); i++) {
            Published message = messages.get(i);
            if (message.excluded().contains(clientId)) {
                hidden.set(i);
            } else if (filters) {
                if (payloads[i] == null) {
                    payloads[i] = codec.mapper().readTree(message.data()).path("payload");
                }
                if (!this.filters.admits(clientId, channelName, payloads[i])) {
                    hidden.set(i);
                }
            }
        }
        return hidden;
    }

    /** One view's frames, in order: runs of visible messages as DATA or BATCH, each hidden one as SKIP. */
    private void deliverView(Channel channel, List<Published> messages, BitSet hidden, byte[][] skips,
                             List<String> clientIds) {
        List<Published> run = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Published message = messages.get(i);
            if (!hidden.get(i)) {
                run.add(message);
                continue;
            }
            if (!run.isEmpty()) {
                transport.deliver(channel, frame(channel.name(), run, false), clientIds);
                run.clear();
            }
            if (skips[i] == null) {
                skips[i] = codec.encode(new SkipMessage(channel.name(), message.sequence(), message.epoch()));
            }
            transport.deliver(channel, skips[i], clientIds);
        }
        if (!run.isEmpty()) {
            transport.deliver(channel, frame(channel.name(), run, false), clientIds);
        }
    }

    /** A BATCH of their DATA bytes, or (unless {@code batch}) the DATA itself for one message. */
    private byte[] frame(String channelName, List<Published> messages, boolean batch) {
        if (messages.size() == 1 && !batch) {
            return messages.get(0).data();
        }
        List<byte[]> data = new ArrayList<>(messages.size());
        for (Published message : messages) {
            data.add(message.data());
        }
        return DataEncoding.batch(codec, channelName, data);
    }

    /** The subscribers that are not special, iterated once. */
    private static final class Filtered implements java.util.Iterator<String> {
        private final java.util.Iterator<String> all;
        private final Set<String> left;
        private String next;

        Filtered(Iterable<String> all, Set<String> left) {
            this.all = all.iterator();
            this.left = left;
        }

        @Override
        public boolean hasNext() {
            while (next == null && all.hasNext()) {
                String candidate = all.next();
                next = left.contains(candidate) ? null : candidate;
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            String result = next;
            next = null;
            return result;
        }
    }
}

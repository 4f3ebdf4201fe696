package lab.yujian.core.internal;

import java.util.ArrayList;
import java.util.List;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.batch.MessageBatcher;
import lab.yujian.core.history.Published;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.json.DataEncoding;
import lab.yujian.protocol.json.MessageCodec;

/**
 * The last step of every publication on this node: its one encoding to every local subscriber of its
 * channel, through the transport, or into the channel's batch first where the channel is batched (a BATCH
 * is assembled from the DATA bytes, not encoded again). Called by the channel's stream, in sequence
 * order, under its lock.
 */
final class LocalDelivery {

    private final ConnectionRegistry registry;
    private final SessionTransport transport;
    private final MessageCodec codec;
    private final BatchConfig batching;
    private MessageBatcher batcher;

    LocalDelivery(ConnectionRegistry registry, SessionTransport transport, MessageCodec codec, BatchConfig batching) {
        this.registry = registry;
        this.transport = transport;
        this.codec = codec;
        this.batching = batching;
    }

    /** The batcher of batched channels, whose sink is {@link #deliverBatch}. */
    void useBatcher(MessageBatcher batcher) {
        this.batcher = batcher;
    }

    void deliver(Published message) {
        Channel channel = Channel.parse(message.channel());
        if (batching.batches(channel)) {
            batcher.add(message);
        } else if (batching.batchesBursts(channel)) {
            batcher.addBurst(message);
        } else {
            transport.deliver(channel, message.data(), registry.subscribers(channel.name()));
        }
    }

    /** The batcher's sink for a burst channel's message that goes out alone, as DATA. */
    void deliverAlone(Published message) {
        Channel channel = Channel.parse(message.channel());
        transport.deliver(channel, message.data(), registry.subscribers(channel.name()));
    }

    /** The sink of the batcher. */
    void deliverBatch(String channelName, List<Published> messages) {
        List<byte[]> data = new ArrayList<>(messages.size());
        for (Published message : messages) {
            data.add(message.data());
        }
        transport.deliver(Channel.parse(channelName), DataEncoding.batch(codec, channelName, data),
                registry.subscribers(channelName));
    }
}

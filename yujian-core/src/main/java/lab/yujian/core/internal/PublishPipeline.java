package lab.yujian.core.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.core.PublishHook;
import lab.yujian.core.Transport;
import lab.yujian.core.YujianException;
import lab.yujian.core.batch.BatchConfig;
import lab.yujian.core.batch.MessageBatcher;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Publication;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.json.MessageCodec;

/**
 * The tail of the publish pipeline, shared by client and server publishes: hook, append to history,
 * deliver. Appending and handing over to the transport (or the batcher) happen under one lock per
 * channel, so a channel's messages reach the transport in sequence order; different channels never
 * contend. The message is encoded once, here.
 */
final class PublishPipeline {

    private final HistoryStore history;
    private final Transport transport;
    private final MessageCodec codec;
    private final Clock clock;
    private final Map<ChannelKind, PublishHook> hooks;
    private final BatchConfig batchConfig;
    private final MessageBatcher batcher;
    private final Observers observers;
    private final Map<String, Object> channelLocks = new ConcurrentHashMap<>();

    PublishPipeline(HistoryStore history, Transport transport, MessageCodec codec, Clock clock,
                    Map<ChannelKind, PublishHook> hooks, BatchConfig batchConfig, MessageBatcher batcher,
                    Observers observers) {
        this.history = history;
        this.transport = transport;
        this.codec = codec;
        this.clock = clock;
        this.hooks = hooks;
        this.batchConfig = batchConfig;
        this.batcher = batcher;
        this.observers = observers;
    }

    /**
     * Publishes a validated payload record.
     *
     * @throws YujianException   if the hook refuses or history is unavailable
     * @throws ProtocolException if the hook returns an invalid payload
     */
    DataMessage publish(Identity publisher, Sender sender, Channel channel, Object payload) {
        PublishHook hook = hooks.get(channel.kind());
        Object toPublish = hook == null ? payload : hook.beforePublish(publisher, channel, payload);
        if (toPublish == null || toPublish.getClass() != payload.getClass()) {
            throw new YujianException(ErrorCode.SERVER_ERROR, "The " + channel.kind() + " publish hook returned "
                    + (toPublish == null ? "null" : toPublish.getClass().getSimpleName()) + " instead of a "
                    + payload.getClass().getSimpleName());
        }
        Object lock = channelLocks.computeIfAbsent(channel.name(), name -> new Object());
        DataMessage data;
        byte[] encoded;
        synchronized (lock) {
            Publication publication = new Publication(codec.toTree(toPublish), sender, clock.millis());
            StreamPosition position = append(channel, publication);
            data = publication.toData(channel.name(), position);
            encoded = codec.encode(data);
            if (batchConfig.batches(channel)) {
                batcher.add(data);
            } else {
                transport.broadcast(channel, encoded);
            }
        }
        observers.each(o -> o.published(data, encoded.length));
        return data;
    }

    private StreamPosition append(Channel channel, Publication publication) {
        try {
            return history.append(channel.name(), publication);
        } catch (RuntimeException e) {
            throw new YujianException(ErrorCode.SERVICE_UNAVAILABLE,
                    "History of channel '" + channel.name() + "' is unavailable: " + e.getMessage(), e);
        }
    }
}

package lab.yujian.core.broker;

import lab.yujian.core.history.Published;

/**
 * The delivery half of a {@link ClusterBroker}: carries stored publications and control messages between
 * nodes (Redis pub/sub, a RabbitMQ relay). It is told nothing about order: history has assigned every
 * position already, and the receiving hub restores the order.
 *
 * <p>Contract: {@link #publish} never blocks for long and never throws for a connection that is down
 * (the message is in history; nodes fill it from there). {@link #subscribe} returns once the channel's
 * publications reach the handler, or at once while disconnected; on reconnecting, the fan-out
 * subscribes again to every channel it was asked for and then calls {@link BrokerHandler#reconnected()}.
 * Thread-safe.
 */
public interface Fanout extends AutoCloseable {

    /** Starts delivering to {@code handler}; called once, first. */
    void start(BrokerHandler handler);

    /**
     * Carries a stored publication to every node subscribed to its channel, possibly this one too, with its
     * {@link Published#excluded()} client ids.
     */
    void publish(Published publication);

    void subscribe(String channel);

    void unsubscribe(String channel);

    void sendControl(String nodeId, byte[] message);

    void broadcastControl(byte[] message);

    /** Whether it is connected now. */
    boolean connected();

    @Override
    void close();
}

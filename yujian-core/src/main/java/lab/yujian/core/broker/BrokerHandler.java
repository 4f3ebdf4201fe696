package lab.yujian.core.broker;

import lab.yujian.core.history.Published;

/**
 * What a {@link Broker} tells its node. Called on the broker's threads; implementations must not block
 * for long.
 */
public interface BrokerHandler {

    /**
     * A publication of a channel this node subscribed to; it may arrive out of order or more than once,
     * and after an unsubscribe.
     */
    void publication(Published publication);

    /** A control message for this node. */
    void control(byte[] message);

    /**
     * The broker was disconnected and is connected again, with every subscription live: whatever was
     * published meanwhile did not reach this node, and must be read from history.
     */
    void reconnected();
}

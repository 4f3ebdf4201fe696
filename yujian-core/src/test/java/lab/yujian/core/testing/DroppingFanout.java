package lab.yujian.core.testing;

import java.util.function.Predicate;
import lab.yujian.core.broker.BrokerHandler;
import lab.yujian.core.broker.Fanout;
import lab.yujian.core.history.Published;

/** A fan-out whose node never receives the publications a test picks, as if the wire lost them. */
public final class DroppingFanout implements Fanout {

    private final Fanout delegate;
    private final Predicate<Published> drop;

    public DroppingFanout(Fanout delegate, Predicate<Published> drop) {
        this.delegate = delegate;
        this.drop = drop;
    }

    @Override
    public void start(BrokerHandler handler) {
        delegate.start(new BrokerHandler() {
            @Override
            public void publication(Published publication) {
                if (!drop.test(publication)) {
                    handler.publication(publication);
                }
            }

            @Override
            public void control(byte[] message) {
                handler.control(message);
            }

            @Override
            public void reconnected() {
                handler.reconnected();
            }
        });
    }

    @Override
    public void publish(Published publication) {
        delegate.publish(publication);
    }

    @Override
    public void subscribe(String channel) {
        delegate.subscribe(channel);
    }

    @Override
    public void unsubscribe(String channel) {
        delegate.unsubscribe(channel);
    }

    @Override
    public void sendControl(String nodeId, byte[] message) {
        delegate.sendControl(nodeId, message);
    }

    @Override
    public void broadcastControl(byte[] message) {
        delegate.broadcastControl(message);
    }

    @Override
    public boolean connected() {
        return delegate.connected();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

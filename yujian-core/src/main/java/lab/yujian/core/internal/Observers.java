package lab.yujian.core.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;
import lab.yujian.core.HubObserver;

/** Calls every observer, and keeps one observer's failure from reaching the hub or the others. */
final class Observers {

    private static final System.Logger LOG = System.getLogger(Observers.class.getName());

    private final List<HubObserver> observers;

    Observers(List<HubObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    void each(Consumer<HubObserver> call) {
        for (HubObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Hub observer " + observer.getClass().getName() + " failed", e);
            }
        }
    }
}

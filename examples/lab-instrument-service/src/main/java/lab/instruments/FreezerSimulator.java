package lab.instruments;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stands in for a freezer's sensor: once the service is up, publishes a reading of {@code freezer-1} on
 * {@code instruments.freezer-1} every second, and keeps it as the latest for {@code INITIAL_DATA}.
 */
@Component
public class FreezerSimulator implements SmartLifecycle {

    /** The instrument this service simulates. */
    public static final String FREEZER = "freezer-1";

    /** Who publishes: the service itself, not a user. */
    private static final Identity SERVICE = new Identity("lab-instrument-service", "service", "Lab instrument service");
    private static final Log LOG = LogFactory.getLog(FreezerSimulator.class);

    private final Hub hub;
    private final Clock clock;
    private final LatestReadings latest;
    private final Channel channel;
    private ScheduledExecutorService timer;
    private double temperature = -79.6;

    public FreezerSimulator(Hub hub, Clock clock, LatestReadings latest) {
        this.hub = hub;
        this.clock = clock;
        this.latest = latest;
        this.channel = hub.channel("instruments." + FREEZER);
    }

    /** Reads the sensor (a random walk around -80 °C) and publishes the reading. */
    void publishReading() {
        temperature = Math.max(-86, Math.min(-74, temperature + ThreadLocalRandom.current().nextGaussian() * 0.15));
        Reading reading = new Reading(FREEZER, Math.round(temperature * 10) / 10.0, clock.instant().toString());
        latest.put(reading);
        hub.publish(SERVICE, channel, reading);
    }

    private void publishSafely() {
        try {
            publishReading();
        } catch (RuntimeException e) { // a store that is down, say: the next second tries again
            LOG.warn("Could not publish the reading of " + FREEZER + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freezer-simulator");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::publishSafely, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}

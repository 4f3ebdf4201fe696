package lab.instruments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.Nullable;
import org.springframework.stereotype.Component;

/** Each instrument's latest reading: what a new subscriber gets as {@code INITIAL_DATA}. */
@Component
public class LatestReadings {

    private final Map<String, Reading> latest = new ConcurrentHashMap<>();

    void put(Reading reading) {
        latest.put(reading.instrumentId(), reading);
    }

    /** The latest reading of an instrument, or null before its first. */
    public @Nullable Reading of(String instrumentId) {
        return latest.get(instrumentId);
    }
}

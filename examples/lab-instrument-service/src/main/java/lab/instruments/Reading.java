package lab.instruments;

import lab.yujian.protocol.Fields;

/**
 * One reading of an instrument: the payload of the channels {@code instruments.<id>}. The constructor
 * validates it as the built-in payloads are validated, so a bad one is refused naming the field.
 *
 * @param instrumentId  the instrument, such as {@code freezer-1}
 * @param temperatureC  the temperature in degrees Celsius
 * @param timestamp     when it was read, ISO-8601
 */
public record Reading(String instrumentId, Double temperatureC, String timestamp) {

    public Reading {
        Fields.requireText(instrumentId, 64, "instrumentId");
        Fields.require(temperatureC, "temperatureC");
        Fields.requireInstant(timestamp, "timestamp");
    }
}

package lab.yujian.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A subscription's filter, from the SUBSCRIBE header {@code filter:field==value;field2==value2}: a message
 * matches when each named top-level field of its payload has that value (all of them; a missing field
 * never matches). Declarative only: no expression is evaluated. A string field is compared as it is; a
 * number or boolean by its JSON text ({@code count==3}, {@code urgent==true}).
 *
 * @param conditions field name to value, in the header's order
 */
public record SubscriptionFilter(Map<String, String> conditions) {

    /** The header that carries it. */
    public static final String HEADER = "filter";
    /** The longest header accepted. */
    public static final int MAX_LENGTH = 256;
    /** The most conditions one filter may hold. */
    public static final int MAX_CONDITIONS = 4;

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public SubscriptionFilter {
        conditions = Map.copyOf(Fields.require(conditions, "conditions"));
    }

    /**
     * Parses the header's value.
     *
     * @throws ProtocolException {@link ErrorCode#INVALID_MESSAGE} naming the header, if it is malformed or
     *                           over a limit
     */
    public static SubscriptionFilter parse(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("is empty; give field==value, several joined by ';'");
        }
        if (header.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = header.split(";", -1);
        if (parts.length > MAX_CONDITIONS) {
            throw invalid("has more than " + MAX_CONDITIONS + " conditions");
        }
        java.util.LinkedHashMap<String, String> conditions = new java.util.LinkedHashMap<>();
        for (String part : parts) {
            int at = part.indexOf("==");
            String field = at < 0 ? part : part.substring(0, at);
            String value = at < 0 ? "" : part.substring(at + 2);
            if (at < 0 || !FIELD.matcher(field).matches() || value.isEmpty() || value.contains("==")) {
                throw invalid("has a condition '" + part + "' that is not field==value (a field is a letter, "
                        + "then up to 63 letters, digits or '_'; the value is not empty)");
            }
            if (conditions.put(field, value) != null) {
                throw invalid("names field '" + field + "' twice");
            }
        }
        return new SubscriptionFilter(conditions);
    }

    /** Whether a payload matches every condition. */
    public boolean matches(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return false;
        }
        for (Map.Entry<String, String> condition : conditions.entrySet()) {
            JsonNode field = payload.get(condition.getKey());
            if (field == null || !field.isValueNode() || field.isNull()
                    || !condition.getValue().equals(field.isString() ? field.asString() : field.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The elements of an array state (an {@code INITIAL_DATA} payload) that match, in order. */
    public List<JsonNode> matching(JsonNode state) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode element : state) {
            if (matches(element)) {
                kept.add(element);
            }
        }
        return kept;
    }

    private static ProtocolException invalid(String problem) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, "Header '" + HEADER + "' " + problem, HEADER);
    }
}

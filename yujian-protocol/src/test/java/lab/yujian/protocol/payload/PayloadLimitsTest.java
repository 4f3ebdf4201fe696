package lab.yujian.protocol.payload;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every text field of every payload has a limit from {@link FieldLimits}, enforced as the payload is read
 * (so a STOMP PUBLISH is refused with {@code details.field} like {@code payload.id}); a value at the limit
 * passes, one character more does not, and neither does a NUL character or an instant a database cannot
 * keep. A new text field without a limit fails {@link #everyTextFieldHasALimit}.
 */
class PayloadLimitsTest {

    private static final MessageCodec CODEC = MessageCodec.create();
    private static final String NOW = "\"2026-02-02T09:30:00Z\"";
    /** A collaboration channel whose document id is at the limit, so the payload's may be too. */
    private static final Channel DOCUMENT = Channel.collaboration("x".repeat(FieldLimits.ID));

    private static final Map<ChannelKind, String> SAMPLES = Map.of(
            ChannelKind.PRESENCE, "{\"userId\":\"u1\",\"status\":\"online\",\"location\":\"L\",\"activity\":\"A\","
                    + "\"lastSeen\":" + NOW + ",\"metadata\":{\"name\":\"Ada\",\"avatar\":\"x\",\"role\":\"member\"}}",
            ChannelKind.METRICS, "{\"timestamp\":" + NOW + ",\"metrics\":{\"cpu\":1,\"memory\":2,\"disk\":3,"
                    + "\"network\":{\"in\":4,\"out\":5}},\"services\":[{\"name\":\"db\",\"status\":\"healthy\",\"latency\":3}]}",
            ChannelKind.ACTIVITY, "{\"id\":\"a\",\"type\":\"join\",\"userId\":\"u1\",\"message\":\"m\","
                    + "\"metadata\":{\"k\":1},\"timestamp\":" + NOW + "}",
            ChannelKind.ANNOUNCEMENTS, "{\"id\":\"a\",\"priority\":\"low\",\"title\":\"t\",\"content\":\"c\","
                    + "\"author\":{\"userId\":\"u1\",\"name\":\"Ada\"},\"expiresAt\":" + NOW + ",\"timestamp\":" + NOW + "}",
            ChannelKind.COLLABORATION, "{\"type\":\"edit\",\"documentId\":\"" + DOCUMENT.id() + "\","
                    + "\"userId\":\"u1\",\"data\":{},\"timestamp\":" + NOW + "}");

    /** Each text field, as {@code Record.path}, and its limit. */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            entry("AnnouncementPayload.id", FieldLimits.ID),
            entry("AnnouncementPayload.title", FieldLimits.TITLE),
            entry("AnnouncementPayload.content", FieldLimits.CONTENT),
            entry("AnnouncementPayload.author.userId", FieldLimits.ID),
            entry("AnnouncementPayload.author.name", FieldLimits.NAME),
            entry("ActivityPayload.id", FieldLimits.ID),
            entry("ActivityPayload.userId", FieldLimits.ID),
            entry("ActivityPayload.message", FieldLimits.ACTIVITY_MESSAGE),
            entry("PresencePayload.userId", FieldLimits.ID),
            entry("PresencePayload.location", FieldLimits.PRESENCE_TEXT),
            entry("PresencePayload.activity", FieldLimits.PRESENCE_TEXT),
            entry("PresencePayload.metadata.name", FieldLimits.NAME),
            entry("PresencePayload.metadata.avatar", FieldLimits.AVATAR),
            entry("PresencePayload.metadata.role", FieldLimits.ROLE),
            entry("MetricsPayload.services[0].name", FieldLimits.SERVICE_NAME),
            entry("CollaborationPayload.documentId", FieldLimits.ID),
            entry("CollaborationPayload.userId", FieldLimits.ID));

    /** Text fields that hold instants: bounded by their format and range instead. */
    private static final Set<String> INSTANTS = Set.of("AnnouncementPayload.expiresAt", "AnnouncementPayload.timestamp",
            "ActivityPayload.timestamp", "PresencePayload.lastSeen", "MetricsPayload.timestamp",
            "CollaborationPayload.timestamp");

    /** Free-form fields: the activity metadata is measured as JSON; collaboration data only by the frame size. */
    private static final Set<String> FREE_FORM = Set.of("ActivityPayload.metadata", "CollaborationPayload.data");

    static Stream<Arguments> limitedFields() {
        return LIMITS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<String> instantFields() {
        return INSTANTS.stream();
    }

    @Test
    void everyTextFieldHasALimit() {
        List<String> found = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.builtIns()) {
            Class<?> type = kind.payloadType();
            collectTextFields(type, type.getSimpleName(), found);
        }
        assertThat(found).isNotEmpty().allSatisfy(field -> assertThat(LIMITS.containsKey(field)
                || INSTANTS.contains(field) || FREE_FORM.contains(field)).as(field + " has a limit").isTrue());
        assertThat(found).as("no stale entries in the test's tables")
                .containsAll(LIMITS.keySet()).containsAll(INSTANTS).containsAll(FREE_FORM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitedFields")
    void aValueAtTheLimitPassesAndOneLongerIsRefusedNamingTheField(String field, int limit) {
        assertThat(read(field, "x".repeat(limit))).isNotNull();
        assertRefused(() -> read(field, "x".repeat(limit + 1)), field, "at most " + limit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitedFields")
    void aNulCharacterIsRefusedNamingTheField(String field, int limit) {
        if (field.equals("CollaborationPayload.documentId")) {
            return; // must equal the channel's document id, which cannot hold one
        }
        assertRefused(() -> read(field, "a\u0000b"), field, "NUL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instantFields")
    void anInstantOutsideYearsZeroTo9999IsRefusedNamingTheField(String field) {
        assertThat(read(field, "9999-12-31T23:59:59.999Z")).isNotNull();
        assertRefused(() -> read(field, "+10000-01-01T00:00:00Z"), field, "9999");
        assertRefused(() -> read(field, "+1000000000-01-01T00:00:00Z"), field, "9999");
        assertRefused(() -> read(field, "-0001-12-31T00:00:00Z"), field, "9999");
    }

    @Test
    void activityMetadataIsLimitedAsJson() {
        String fits = "x".repeat(FieldLimits.ACTIVITY_METADATA - "{\"k\":\"\"}".length());
        assertThat(readActivityMetadata(fits)).isNotNull();
        assertRefused(() -> readActivityMetadata(fits + "x"), "ActivityPayload.metadata", "JSON");
    }

    private static Object readActivityMetadata(String value) {
        ObjectNode sample = sample(ChannelKind.ACTIVITY);
        sample.putObject("metadata").put("k", value);
        return CODEC.readPayload(Channel.ACTIVITY, sample);
    }

    private static Object read(String field, String value) {
        ChannelKind kind = kindOf(field);
        ObjectNode sample = sample(kind);
        set(sample, field.substring(field.indexOf('.') + 1), value);
        return CODEC.readPayload(kind == ChannelKind.COLLABORATION ? DOCUMENT : Channel.parse(kind.prefix()), sample);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
                                      String problem) {
        String path = "payload." + field.substring(field.indexOf('.') + 1);
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_MESSAGE);
            assertThat(e.field()).isEqualTo(path);
            assertThat(e.getMessage()).contains(path).contains(problem);
        });
    }

    private static ChannelKind kindOf(String field) {
        String record = field.substring(0, field.indexOf('.'));
        return ChannelKind.builtIns().stream().filter(k -> k.payloadType().getSimpleName().equals(record))
                .findFirst().orElseThrow();
    }

    private static ObjectNode sample(ChannelKind kind) {
        return (ObjectNode) CODEC.mapper().readTree(SAMPLES.get(kind));
    }

    /** Sets a text value at a path such as {@code author.name} or {@code services[0].name}. */
    private static void set(ObjectNode root, String path, String value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        ((ObjectNode) node).put(steps[steps.length - 1], value);
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return node.get(step);
        }
        ArrayNode array = (ArrayNode) node.get(step.substring(0, bracket));
        return array.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    private static void collectTextFields(Class<?> type, String prefix, List<String> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + "." + component.getName();
            Class<?> raw = component.getType();
            if (raw == String.class || raw == Map.class || raw == JsonNode.class) {
                found.add(path);
            } else if (raw.isRecord()) {
                collectTextFields(raw, path, found);
            } else if (raw == List.class) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementType && elementType.isRecord()) {
                    collectTextFields(elementType, path + "[0]", found);
                } else {
                    found.add(path);
                }
            }
        }
    }
}

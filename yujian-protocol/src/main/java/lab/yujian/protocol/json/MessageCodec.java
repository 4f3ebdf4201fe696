package lab.yujian.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Objects;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ClientMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import lab.yujian.protocol.ServerMessage;
import lab.yujian.protocol.payload.CollaborationPayload;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts protocol messages to and from JSON. Thread-safe; create one and share it.
 *
 * <p>Decoding reports every problem as a {@link ProtocolException}:
 * invalid JSON or a non-object body gives {@link ErrorCode#INVALID_MESSAGE}; an unknown {@code type}
 * gives {@link ErrorCode#INVALID_TYPE}; an absent required field gives {@link ErrorCode#MISSING_FIELD}
 * naming the field; a field of the wrong shape or out of range gives {@link ErrorCode#INVALID_MESSAGE}.
 * Unknown extra fields are ignored, so newer clients can talk to older servers. Absent optional fields
 * are left out of the JSON rather than written as {@code null}, as the generated TypeScript declares them.
 */
public final class MessageCodec {

    private final JsonMapper mapper;
    private final ObjectWriter serverWriter;
    private final ObjectWriter clientWriter;

    private MessageCodec(JsonMapper mapper) {
        this.mapper = mapper;
        this.serverWriter = mapper.writerFor(ServerMessage.class);
        this.clientWriter = mapper.writerFor(ClientMessage.class);
    }

    /** A codec with the protocol's settings. */
    public static MessageCodec create() {
        return new MessageCodec(JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /** The underlying mapper, for building payload trees. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Decodes any client message; the body must carry its {@code type}. */
    public ClientMessage decodeClient(byte[] json) {
        return convert(parseObject(json), ClientMessage.class);
    }

    /**
     * Decodes a client message sent to a destination that takes only {@code expected}. A body without
     * {@code type} is read as {@code expected}; a body with another type is refused with
     * {@link ErrorCode#INVALID_TYPE}.
     */
    public <T extends ClientMessage> T decodeClient(byte[] json, Class<T> expected) {
        ObjectNode node = parseObject(json);
        String expectedName = typeName(expected);
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            node.put("type", expectedName);
        } else if (!expectedName.equals(type.asString(""))) {
            throw new ProtocolException(ErrorCode.INVALID_TYPE,
                    "This destination takes " + expectedName + ", not " + abbreviate(type.toString()));
        }
        return expected.cast(convert(node, ClientMessage.class));
    }

    /** Decodes a server message (for clients, tests and tools). */
    public ServerMessage decodeServer(byte[] json) {
        return convert(parseObject(json), ServerMessage.class);
    }

    /** Encodes a server message, with its {@code type}, as UTF-8 JSON. */
    public byte[] encode(ServerMessage message) {
        return serverWriter.writeValueAsBytes(Objects.requireNonNull(message, "message"));
    }

    /** Encodes a client message, with its {@code type}, as UTF-8 JSON. */
    public byte[] encode(ClientMessage message) {
        return clientWriter.writeValueAsBytes(Objects.requireNonNull(message, "message"));
    }

    /** Converts a payload record (or any value) to a JSON tree. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Reads and validates a payload as the channel's payload record; problems are reported under
     * {@code payload.}. A collaboration payload must name the channel's own document. A kind whose payload
     * type is {@link JsonNode} takes any JSON object as it is.
     */
    public Object readPayload(Channel channel, JsonNode payload) {
        Class<?> type = channel.kind().payloadType();
        if (!payload.isObject()) {
            throw ProtocolException.invalid("payload", "must be a JSON object");
        }
        if (type.isInstance(payload)) {
            return payload;
        }
        Object value;
        try {
            value = convert(payload, type);
        } catch (ProtocolException e) {
            throw e.under("payload");
        }
        if (value instanceof CollaborationPayload collaboration
                && !collaboration.documentId().equals(channel.id())) {
            throw ProtocolException.invalid("payload.documentId", "must equal the channel's document id");
        }
        return value;
    }

    /** Reads a JSON tree as the given type, with the same error mapping as the message decoders. */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw JacksonErrors.translate(e);
        }
    }

    private ObjectNode parseObject(byte[] json) {
        if (json == null || json.length == 0) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "Empty message body; expected a JSON object");
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "Invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "Expected a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The wire {@code type} of a client message record, such as {@code PUBLISH}. */
    public static String typeName(Class<? extends ClientMessage> type) {
        for (JsonSubTypes.Type subtype : ClientMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subtype.value() == type) {
                return subtype.name();
            }
        }
        throw new IllegalArgumentException(type + " is not a registered client message");
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

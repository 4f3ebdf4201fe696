package lab.yujian.protocol.json;

import java.util.List;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.ProtocolException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Maps Jackson's exceptions onto protocol refusals that name the offending field. */
final class JacksonErrors {

    private JacksonErrors() {
    }

    static ProtocolException translate(JacksonException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ProtocolException cause) {
            return cause.under(path(e.getPath()));
        }
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            String at = path(e.getPath());
            if (id == null) {
                return ProtocolException.missing(at.isEmpty() ? "type" : at + ".type");
            }
            return new ProtocolException(ErrorCode.INVALID_TYPE,
                    "Unknown message type '" + MessageCodec.abbreviate(id) + "'", at.isEmpty() ? "type" : at);
        }
        String field = path(e.getPath());
        if (e instanceof MismatchedInputException && !field.isEmpty()) {
            return ProtocolException.invalid(field, "has the wrong type or value");
        }
        return new ProtocolException(ErrorCode.INVALID_MESSAGE,
                "Invalid message: " + e.getOriginalMessage(), field.isEmpty() ? null : field);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package lab.yujian.core.history;

import java.util.List;
import java.util.Objects;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.SequenceRange;

/**
 * The answer to a recovery request.
 *
 * @param messages  when recovered, every message after the requested sequence, ascending; else empty
 * @param current   the stream's current position
 * @param recovered whether {@code messages} closes the gap completely
 * @param reason    why not, when not recovered
 * @param missing   the sequences that cannot be returned, when not recovered and the range is not empty
 */
public record Recovery(List<Published> messages, StreamPosition current, boolean recovered,
                       @Nullable RecoveryFailure reason, @Nullable SequenceRange missing) {

    public Recovery {
        messages = List.copyOf(messages);
        Objects.requireNonNull(current, "current");
        if (recovered == (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly when not recovered");
        }
    }

    /** A complete recovery. */
    public static Recovery recovered(List<Published> messages, StreamPosition current) {
        return new Recovery(messages, current, true, null, null);
    }

    /** A failed recovery; {@code missing} is null when no sequence is missing. */
    public static Recovery failed(RecoveryFailure reason, StreamPosition current, @Nullable SequenceRange missing) {
        return new Recovery(List.of(), current, false, reason, missing);
    }
}

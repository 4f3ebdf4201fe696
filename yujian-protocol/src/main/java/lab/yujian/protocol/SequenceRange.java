package lab.yujian.protocol;

/**
 * An inclusive range of sequence numbers.
 *
 * @param from first sequence in the range
 * @param to   last sequence in the range, at least {@code from}
 */
public record SequenceRange(long from, long to) {
    public SequenceRange {
        if (to < from) {
            throw new IllegalArgumentException("to (" + to + ") must not be below from (" + from + ")");
        }
    }
}

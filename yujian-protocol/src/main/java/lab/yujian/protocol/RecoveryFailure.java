package lab.yujian.protocol;

/** Why a sync could not return every missed message. */
public enum RecoveryFailure {
    /** The channel's stream was rebuilt (history lost), so old sequences mean nothing now. */
    EPOCH_CHANGED,
    /** History no longer reaches back to the requested sequence (bounded by size and age). */
    TRIMMED
}

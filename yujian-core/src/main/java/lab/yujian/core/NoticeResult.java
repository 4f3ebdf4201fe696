package lab.yujian.core;

/**
 * What became of a notice to one user ({@link Hub#notifyUser}).
 *
 * @param delivered how many of the user's sessions on this node it was handed to
 * @param forwarded whether it was also sent to the other nodes of a cluster, because the user is present
 *                  beyond this node's sessions; how many sessions there received it is not known here
 */
public record NoticeResult(int delivered, boolean forwarded) {

    public NoticeResult {
        if (delivered < 0) {
            throw new IllegalArgumentException("delivered must be at least 0, was " + delivered);
        }
    }

    /** True if no session of the user could be reached: none on this node, and none elsewhere was tried. */
    public boolean undelivered() {
        return delivered == 0 && !forwarded;
    }
}

package lab.yujian.protocol;

import java.util.Objects;

/**
 * A pattern over channel names, used by access policies and batching settings: {@code *} matches every
 * channel, {@code collaboration.*} every collaboration channel, and any channel name matches itself.
 * {@link #parse} refuses anything else, so a typo in configuration fails at startup.
 */
public final class ChannelPattern {

    private static final String ALL = "*";

    private final String text;
    private final boolean all;
    private final @Nullable ChannelKind kind;

    private ChannelPattern(String text, boolean all, @Nullable ChannelKind kind) {
        this.text = text;
        this.all = all;
        this.kind = kind;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming the pattern, if it is neither {@code *}, {@code <kind>.*} for
     *                                  collaboration, nor a valid channel name
     */
    public static ChannelPattern parse(String text) {
        Objects.requireNonNull(text, "pattern");
        String trimmed = text.trim();
        if (ALL.equals(trimmed)) {
            return new ChannelPattern(trimmed, true, null);
        }
        if ((ChannelKind.COLLABORATION.prefix() + ".*").equals(trimmed)) {
            return new ChannelPattern(trimmed, false, ChannelKind.COLLABORATION);
        }
        try {
            Channel.parse(trimmed);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a channel name, 'collaboration.*' nor '*'");
        }
        return new ChannelPattern(trimmed, false, null);
    }

    /** Whether the channel matches this pattern. */
    public boolean matches(Channel channel) {
        if (all) {
            return true;
        }
        if (kind != null) {
            return channel.kind() == kind;
        }
        return text.equals(channel.name());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelPattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

package lab.yujian.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern over channel names, used by access policies and batching settings: {@code *} matches every
 * channel, {@code <kind>.*} every channel of a kind with ids (such as {@code collaboration.*}), and a
 * channel name matches itself. {@link #parse} checks the syntax; a hub also checks, when it is
 * configured, that each pattern matches one of its {@link ChannelKinds}, so a typo fails at startup.
 */
public final class ChannelPattern {

    private static final String ALL = "*";
    private static final Pattern KIND_WILDCARD = Pattern.compile("([a-z][a-z0-9_-]{0,31})\\.\\*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}(\\.[A-Za-z0-9_-]{1,64})?");

    private final String text;
    private final boolean all;
    private final @Nullable String kindName;

    private ChannelPattern(String text, boolean all, @Nullable String kindName) {
        this.text = text;
        this.all = all;
        this.kindName = kindName;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming the pattern, if it is neither {@code *}, {@code <kind>.*},
     *                                  nor a well-formed channel name
     */
    public static ChannelPattern parse(String text) {
        Objects.requireNonNull(text, "pattern");
        String trimmed = text.trim();
        if (ALL.equals(trimmed)) {
            return new ChannelPattern(trimmed, true, null);
        }
        var wildcard = KIND_WILDCARD.matcher(trimmed);
        if (wildcard.matches()) {
            return new ChannelPattern(trimmed, false, wildcard.group(1));
        }
        if (!NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a channel name, '<kind>.*' nor '*'");
        }
        return new ChannelPattern(trimmed, false, null);
    }

    /** Whether the channel matches this pattern. */
    public boolean matches(Channel channel) {
        if (all) {
            return true;
        }
        if (kindName != null) {
            return channel.kind().withIds() && channel.kind().name().equals(kindName);
        }
        return text.equals(channel.name());
    }

    /** Whether this is {@code *}. */
    public boolean all() {
        return all;
    }

    /** The kind of a {@code <kind>.*} pattern, else null. */
    public @Nullable String kindName() {
        return kindName;
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

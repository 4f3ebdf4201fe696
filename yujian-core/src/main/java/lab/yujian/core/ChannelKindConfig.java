package lab.yujian.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lab.yujian.core.acl.ChannelPolicy;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.Nullable;

/**
 * A channel kind a service declares, with who may use it and how much history it keeps. Immutable; build
 * with {@link #custom(ChannelKind)} and add it with {@link HubConfig.Builder#channelKind}.
 *
 * <p>Access: when {@code readers} is set, exactly those roles may subscribe to the kind's channels (and
 * read their history and state), whatever the {@link ChannelPolicy} says; when {@code publishers} is set,
 * exactly those roles may publish, and an empty set means only the server publishes (through
 * {@link Hub#publish}). A role {@value ChannelPolicy#ANY_ROLE} stands for every role. Left unset, the
 * policy decides, as for the built-in kinds. Batching is configured by pattern, as for every channel
 * ({@code <kind>.*} in {@link lab.yujian.core.batch.BatchConfig}); {@code INITIAL_DATA} is the channel's
 * newest messages from history unless {@link HubBuilder#snapshot} provides it.
 *
 * @param kind       the kind
 * @param readers    the roles that may subscribe, or null to follow the policy
 * @param publishers the roles that may publish, empty for the server alone, or null to follow the policy
 * @param history    the kind's own history bounds, or null for the hub's
 */
public record ChannelKindConfig(ChannelKind kind, @Nullable Set<String> readers, @Nullable Set<String> publishers,
                                @Nullable HistoryConfig.Bounds history) {

    public ChannelKindConfig {
        Objects.requireNonNull(kind, "kind");
        if (kind.builtIn()) {
            throw new IllegalArgumentException("Channel kind '" + kind.name() + "' is built in; its access is the "
                    + "policy's and its history the hub's");
        }
        readers = roles(readers, kind.name() + ".readers");
        publishers = roles(publishers, kind.name() + ".publishers");
    }

    /** A builder for a kind's settings; every one is unset until given. */
    public static Builder custom(ChannelKind kind) {
        return new Builder(kind);
    }

    /** Whether the role may subscribe, or null if the policy decides. */
    public @Nullable Boolean canRead(String role) {
        return readers == null ? null : readers.contains(role) || readers.contains(ChannelPolicy.ANY_ROLE);
    }

    /** Whether the role may publish, or null if the policy decides. */
    public @Nullable Boolean canPublish(String role) {
        return publishers == null ? null : publishers.contains(role) || publishers.contains(ChannelPolicy.ANY_ROLE);
    }

    private static @Nullable Set<String> roles(@Nullable Set<String> roles, String field) {
        if (roles == null) {
            return null;
        }
        for (String role : roles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException(field + ": a role name must not be blank");
            }
            if (role.contains(ChannelPolicy.ANY_ROLE) && !role.equals(ChannelPolicy.ANY_ROLE)) {
                throw new IllegalArgumentException(field + ": role '" + role + "' is not a role name; '"
                        + ChannelPolicy.ANY_ROLE + "' alone stands for every role");
            }
        }
        return Set.copyOf(roles);
    }

    /** Builds a {@link ChannelKindConfig}. */
    public static final class Builder {
        private final ChannelKind kind;
        private @Nullable Set<String> readers;
        private @Nullable Set<String> publishers;
        private @Nullable HistoryConfig.Bounds history;

        private Builder(ChannelKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Exactly these roles may subscribe ({@code *}: every role). */
        public Builder readers(String... roles) {
            return readers(Arrays.asList(roles));
        }

        /** Exactly these roles may subscribe ({@code *}: every role). */
        public Builder readers(List<String> roles) {
            this.readers = new LinkedHashSet<>(roles);
            return this;
        }

        /** Exactly these roles may publish; none means the server alone. */
        public Builder publishers(String... roles) {
            return publishers(Arrays.asList(roles));
        }

        /** Exactly these roles may publish; an empty list means the server alone. */
        public Builder publishers(List<String> roles) {
            this.publishers = new LinkedHashSet<>(roles);
            return this;
        }

        /** No client publishes; only the server does, through {@link Hub#publish}. */
        public Builder serverPublishes() {
            return publishers(List.of());
        }

        /** Keeps at most {@code maxSize} messages per channel of the kind, none older than {@code maxAge}. */
        public Builder history(int maxSize, Duration maxAge) {
            this.history = new HistoryConfig.Bounds(maxSize, maxAge);
            return this;
        }

        public ChannelKindConfig build() {
            return new ChannelKindConfig(kind, readers, publishers, history);
        }
    }
}

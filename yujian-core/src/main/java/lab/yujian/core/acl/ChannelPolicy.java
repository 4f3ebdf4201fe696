package lab.yujian.core.acl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.protocol.ChannelPattern;

/**
 * Which roles may subscribe to and publish on which channels: per role, a list of
 * {@link ChannelPattern}s. Immutable.
 *
 * <p>The role {@value #ANY_ROLE} stands for every role that is not listed: a listed role has exactly its
 * own patterns (the wildcard's are not added to them), an unlisted role has the wildcard's, and without a
 * wildcard an unlisted role may do nothing. {@code *} is the only role name containing {@code *}; a name
 * such as {@code mod*} is refused rather than read as a prefix. (A role's <em>patterns</em> may also be
 * {@code *}, meaning every channel; that is a different thing.)
 *
 * <p>{@link #ofDefaults()} is the seed's policy: admins subscribe to everything, every other role (the
 * wildcard, so a {@code viewer} or any other role a token may carry) only to {@code presence},
 * {@code metrics} and {@code announcements}; only admins and moderators publish. One deliberate
 * narrowing: nobody publishes on {@code presence} directly, because presence is owned by the server and
 * changes only through a user's own {@code PRESENCE_UPDATE}; a role-only check would let a moderator
 * rewrite anyone's presence.
 *
 * @param subscribe role to the patterns of channels it may join
 * @param publish   role to the patterns of channels it may publish on
 */
public record ChannelPolicy(Map<String, List<ChannelPattern>> subscribe, Map<String, List<ChannelPattern>> publish) {

    /** The role that stands for every role not listed. */
    public static final String ANY_ROLE = "*";

    private static final List<String> READABLE = List.of("presence", "metrics", "announcements");
    private static final List<String> PUBLISHABLE = List.of("metrics", "activity", "announcements", "collaboration.*");

    public ChannelPolicy {
        subscribe = copy(subscribe, "subscribe");
        publish = copy(publish, "publish");
    }

    /** The seed's policy (see the class comment). */
    public static ChannelPolicy ofDefaults() {
        return custom()
                .subscribe("admin", "*")
                .subscribe(ANY_ROLE, READABLE)
                .publish("admin", PUBLISHABLE)
                .publish("moderator", PUBLISHABLE)
                .build();
    }

    /** The patterns of channels {@code role} may join: its own if listed, else the wildcard's, else none. */
    public List<ChannelPattern> subscribePatterns(String role) {
        return applying(subscribe, role);
    }

    /** The patterns of channels {@code role} may publish on: its own if listed, else the wildcard's, else none. */
    public List<ChannelPattern> publishPatterns(String role) {
        return applying(publish, role);
    }

    /** An empty builder: no role may do anything until allowed. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder that starts from this policy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        subscribe.forEach((role, patterns) -> builder.subscribe.put(role, new ArrayList<>(patterns)));
        publish.forEach((role, patterns) -> builder.publish.put(role, new ArrayList<>(patterns)));
        return builder;
    }

    private static List<ChannelPattern> applying(Map<String, List<ChannelPattern>> rules, String role) {
        List<ChannelPattern> own = rules.get(role);
        return own != null ? own : rules.getOrDefault(ANY_ROLE, List.of());
    }

    private static Map<String, List<ChannelPattern>> copy(Map<String, List<ChannelPattern>> rules, String field) {
        if (rules == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        Map<String, List<ChannelPattern>> copy = new LinkedHashMap<>();
        rules.forEach((role, patterns) -> {
            checkRole(field, role);
            copy.put(role, copy(patterns, field + "." + role));
        });
        return Map.copyOf(copy);
    }

    private static List<ChannelPattern> copy(List<ChannelPattern> patterns, String rule) {
        if (patterns == null) {
            throw new IllegalArgumentException(rule + ": the pattern list must not be null (empty allows nothing)");
        }
        for (ChannelPattern pattern : patterns) {
            if (pattern == null) {
                throw new IllegalArgumentException(rule + ": a pattern must not be null");
            }
        }
        return List.copyOf(patterns);
    }

    private static void checkRole(String field, String role) {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException(field + ": a role name must not be blank");
        }
        if (role.contains(ANY_ROLE) && !role.equals(ANY_ROLE)) {
            throw new IllegalArgumentException(field + ": role '" + role + "' is not a role name; '" + ANY_ROLE
                    + "' alone stands for every role not listed, and roles have no other patterns");
        }
    }

    /** Builds a {@link ChannelPolicy}; every pattern is validated as it is added. */
    public static final class Builder {
        private final Map<String, List<ChannelPattern>> subscribe = new LinkedHashMap<>();
        private final Map<String, List<ChannelPattern>> publish = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Lets {@code role} join channels matching the patterns (added to any it had);
         * {@value ChannelPolicy#ANY_ROLE} for every role not listed.
         */
        public Builder subscribe(String role, String... patterns) {
            return subscribe(role, patterns == null ? null : Arrays.asList(patterns));
        }

        /** Lets {@code role} join channels matching the patterns (added to any it had). */
        public Builder subscribe(String role, List<String> patterns) {
            add(subscribe, "subscribe", role, patterns);
            return this;
        }

        /**
         * Lets {@code role} publish on channels matching the patterns (added to any it had);
         * {@value ChannelPolicy#ANY_ROLE} for every role not listed.
         */
        public Builder publish(String role, String... patterns) {
            return publish(role, patterns == null ? null : Arrays.asList(patterns));
        }

        /** Lets {@code role} publish on channels matching the patterns (added to any it had). */
        public Builder publish(String role, List<String> patterns) {
            add(publish, "publish", role, patterns);
            return this;
        }

        /** Replaces every rule of {@code role} for subscribing; an empty list takes all rights away. */
        public Builder replaceSubscribe(String role, List<String> patterns) {
            subscribe.remove(role);
            return subscribe(role, patterns);
        }

        /** Replaces every rule of {@code role} for publishing; an empty list takes all rights away. */
        public Builder replacePublish(String role, List<String> patterns) {
            publish.remove(role);
            return publish(role, patterns);
        }

        public ChannelPolicy build() {
            return new ChannelPolicy(subscribe, publish);
        }

        private static void add(Map<String, List<ChannelPattern>> rules, String field, String role,
                                List<String> patterns) {
            checkRole(field, role);
            if (patterns == null) {
                throw new IllegalArgumentException(field + "." + role + ": the pattern list must not be null");
            }
            List<ChannelPattern> list = rules.computeIfAbsent(role, r -> new ArrayList<>());
            for (String pattern : patterns) {
                if (pattern == null) {
                    throw new IllegalArgumentException(field + "." + role + ": a pattern must not be null");
                }
                try {
                    list.add(ChannelPattern.parse(pattern));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + "." + role + ": " + e.getMessage(), e);
                }
            }
        }
    }
}

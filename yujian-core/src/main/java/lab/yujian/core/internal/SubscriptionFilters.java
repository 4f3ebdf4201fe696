package lab.yujian.core.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.Nullable;
import lab.yujian.protocol.SubscriptionFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The filters of this node's subscriptions, by channel: a channel nobody filters has no entry, so its
 * delivery asks one empty-map question and does nothing per recipient. A filter is set before the
 * session joins the channel and removed after it left, so that it holds for as long as the session is a
 * subscriber.
 */
final class SubscriptionFilters {

    private final Map<String, Map<String, SubscriptionFilter>> byChannel = new ConcurrentHashMap<>();

    void set(String clientId, String channel, SubscriptionFilter filter) {
        byChannel.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()).put(clientId, filter);
    }

    void remove(String clientId, String channel) {
        byChannel.computeIfPresent(channel, (c, filters) -> {
            filters.remove(clientId);
            return filters.isEmpty() ? null : filters;
        });
    }

    /** The sessions that filter the channel: a copy, empty for most channels. */
    Set<String> filtering(String channel) {
        Map<String, SubscriptionFilter> filters = byChannel.get(channel);
        return filters == null ? Set.of() : Set.copyOf(filters.keySet());
    }

    /** The session's filter on the channel; null if it has none. */
    @Nullable SubscriptionFilter of(String clientId, String channel) {
        Map<String, SubscriptionFilter> filters = byChannel.get(channel);
        return filters == null ? null : filters.get(clientId);
    }

    /** Whether the session, if it filters the channel, may see a message with this payload. */
    boolean admits(String clientId, String channel, JsonNode payload) {
        SubscriptionFilter filter = of(clientId, channel);
        return filter == null || filter.matches(payload);
    }

    /** The state as the session's filter lets it see it: the matching elements of an array state. */
    InitialDataMessage filtered(String clientId, InitialDataMessage initial) {
        SubscriptionFilter filter = of(clientId, initial.channel());
        if (filter == null || !initial.payload().isArray()) {
            return initial;
        }
        JsonNode kept = JsonNodeFactory.instance.arrayNode().addAll(filter.matching(initial.payload()));
        return new InitialDataMessage(initial.channel(), kept, initial.sequence(), initial.epoch(), initial.timestamp());
    }
}

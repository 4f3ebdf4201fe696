package lab.yujian.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.yujian.core.SnapshotProvider;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.Published;
import lab.yujian.core.history.StreamPosition;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.InitialDataMessage;
import lab.yujian.protocol.json.MessageCodec;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@code INITIAL_DATA}. Built in: {@code presence} is everyone present; {@code metrics},
 * {@code activity} and {@code announcements} are their newest messages from history (announcements
 * without the expired ones), and so are a declared kind's; collaboration channels have no state. An
 * application may replace any kind.
 * The channel's position is read first, so the state reflects at least every message up to it.
 */
final class Snapshots {

    private final Map<ChannelKind, SnapshotProvider> custom;
    private final HistoryStore history;
    private final PresenceStore presence;
    private final MessageCodec codec;
    private final Clock clock;
    private final int size;

    Snapshots(Map<ChannelKind, SnapshotProvider> custom, HistoryStore history, PresenceStore presence,
              MessageCodec codec, Clock clock, int size) {
        this.custom = custom;
        this.history = history;
        this.presence = presence;
        this.codec = codec;
        this.clock = clock;
        this.size = size;
    }

    Optional<InitialDataMessage> initialData(Channel channel) {
        SnapshotProvider provider = custom.get(channel.kind());
        if (provider != null) {
            StreamPosition position = history.position(channel.name());
            Object state = provider.snapshot(channel);
            return state == null ? Optional.empty() : Optional.of(message(channel, codec.toTree(state), position));
        }
        ChannelKind kind = channel.kind();
        if (kind.equals(ChannelKind.PRESENCE)) {
            StreamPosition position = history.position(channel.name());
            List<Object> users = new ArrayList<>();
            for (UserPresence user : presence.list()) {
                users.add(user.toPayload());
            }
            return Optional.of(message(channel, codec.toTree(users), position));
        }
        if (kind.equals(ChannelKind.COLLABORATION)) {
            return Optional.empty();
        }
        return Optional.of(fromHistory(channel));
    }

    private InitialDataMessage fromHistory(Channel channel) {
        HistoryStore.Snapshot snapshot = history.latest(channel.name(), size);
        List<JsonNode> payloads = new ArrayList<>(snapshot.messages().size());
        Instant now = clock.instant();
        for (Published message : snapshot.messages()) {
            JsonNode payload = codec.mapper().readTree(message.data()).get("payload");
            if (!channel.kind().equals(ChannelKind.ANNOUNCEMENTS) || !expired(payload, now)) {
                payloads.add(payload);
            }
        }
        return message(channel, codec.toTree(payloads), snapshot.position());
    }

    private static boolean expired(JsonNode announcement, Instant now) {
        JsonNode expiresAt = announcement.get("expiresAt");
        if (expiresAt == null || !expiresAt.isString()) {
            return false;
        }
        try {
            return !Instant.parse(expiresAt.asString()).isAfter(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private InitialDataMessage message(Channel channel, JsonNode payload, StreamPosition position) {
        return new InitialDataMessage(channel.name(), payload, position.sequence(), position.epoch(), clock.millis());
    }
}

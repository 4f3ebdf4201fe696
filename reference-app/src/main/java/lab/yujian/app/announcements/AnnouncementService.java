package lab.yujian.app.announcements;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lab.yujian.app.activity.ActivityService;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.Hub;
import lab.yujian.core.PublishHook;
import lab.yujian.core.YujianException;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.protocol.payload.ActivityType;
import lab.yujian.protocol.payload.AnnouncementPayload;
import lab.yujian.protocol.payload.Author;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Announcements. Every publish on {@code announcements}, from REST or STOMP, passes {@link #beforePublish},
 * which stores it before the hub sequences and broadcasts it: nothing is acknowledged that is not stored.
 */
@Service
public class AnnouncementService implements PublishHook {

    /** Most announcements in a snapshot or list. */
    public static final int LIST_LIMIT = 50;

    private final AnnouncementRepository repository;
    private final ActivityService activity;
    private final ObjectProvider<Hub> hub;
    private final MessageCodec codec;
    private final Clock clock;

    public AnnouncementService(AnnouncementRepository repository, ActivityService activity, ObjectProvider<Hub> hub,
                               MessageCodec codec, Clock clock) {
        this.repository = repository;
        this.activity = activity;
        this.hub = hub;
        this.codec = codec;
        this.clock = clock;
    }

    /** Posts a new announcement as {@code author}. */
    public AnnouncementPayload post(Identity author, AnnouncementDraft draft) {
        AnnouncementPayload payload = new AnnouncementPayload(UUID.randomUUID().toString(), draft.priority(),
                draft.title(), draft.content(), new Author(author.userId(), author.name()), draft.expiresAt(),
                clock.instant().toString());
        return publish(author, payload);
    }

    /** Expires an announcement now; clients hide it when the update arrives. */
    public AnnouncementPayload expire(Identity who, String id) {
        AnnouncementPayload existing = repository.find(id).orElseThrow(() -> ApiException.notFound("announcement", id));
        return publish(who, new AnnouncementPayload(existing.id(), existing.priority(), existing.title(),
                existing.content(), existing.author(), clock.instant().toString(), existing.timestamp()));
    }

    /** Active announcements, newest first. */
    public List<AnnouncementPayload> active() {
        return repository.active(clock.instant(), LIST_LIMIT);
    }

    @Override
    public Object beforePublish(Identity publisher, Channel channel, Object payload) {
        AnnouncementPayload requested = (AnnouncementPayload) payload;
        Instant now = clock.instant();
        Optional<AnnouncementPayload> existing = repository.find(requested.id());
        if (existing.isEmpty() && requested.expiresAt() != null && !Instant.parse(requested.expiresAt()).isAfter(now)) {
            throw new YujianException(ErrorCode.INVALID_MESSAGE, "Field 'expiresAt' must be in the future");
        }
        AnnouncementPayload stored = existing
                .map(old -> new AnnouncementPayload(old.id(), requested.priority(), requested.title(),
                        requested.content(), old.author(), requested.expiresAt(), old.timestamp()))
                .orElseGet(() -> new AnnouncementPayload(requested.id(), requested.priority(), requested.title(),
                        requested.content(), new Author(publisher.userId(), publisher.name()), requested.expiresAt(),
                        now.toString()));
        repository.save(stored);
        if (existing.isEmpty()) {
            activity.record(ActivityType.ANNOUNCEMENT, publisher.userId(),
                    publisher.name() + " posted an announcement: " + stored.title(),
                    Map.<String, tools.jackson.databind.JsonNode>of("announcementId",
                            JsonNodeFactory.instance.stringNode(stored.id())));
        }
        return stored;
    }

    private AnnouncementPayload publish(Identity who, AnnouncementPayload payload) {
        byte[] published = hub.getObject().publish(who, Channel.ANNOUNCEMENTS, payload).data();
        return codec.convert(((DataMessage) codec.decodeServer(published)).payload(), AnnouncementPayload.class);
    }
}

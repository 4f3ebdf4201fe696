package lab.yujian.app.activity;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import lab.yujian.core.Hub;
import lab.yujian.core.HubObserver;
import lab.yujian.core.PublishHook;
import lab.yujian.core.YujianException;
import lab.yujian.core.presence.PresenceEvent;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.payload.ActivityPayload;
import lab.yujian.protocol.payload.ActivityType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Activity. Every publish on {@code activity}, from the server or a client's {@code /app/publish}, passes
 * {@link #beforePublish}, which stores it before the hub sequences and broadcasts it, so that the feed's
 * {@code INITIAL_DATA} (read from the database) reflects every entry up to its sequence. Joins and leaves
 * come from the hub's presence events; check-ins and announcements are recorded by their services.
 */
@Service
public class ActivityService implements HubObserver, PublishHook {

    private static final Log LOG = LogFactory.getLog(ActivityService.class);
    private static final Identity SYSTEM = new Identity("system", "system", "Yu Jian");

    private final ActivityRepository repository;
    private final ObjectProvider<Hub> hub;
    private final Clock clock;

    /** @param hub looked up on first use: the hub is built with this service as one of its observers */
    public ActivityService(ActivityRepository repository, ObjectProvider<Hub> hub, Clock clock) {
        this.repository = repository;
        this.hub = hub;
        this.clock = clock;
    }

    /** Stores and broadcasts one entry. */
    public ActivityPayload record(ActivityType type, String userId, String message, Map<String, JsonNode> metadata) {
        ActivityPayload activity = new ActivityPayload(UUID.randomUUID().toString(), type, userId, message,
                metadata == null || metadata.isEmpty() ? null : metadata, clock.instant().toString());
        hub.getObject().publish(SYSTEM, Channel.ACTIVITY, activity);
        return activity;
    }

    /**
     * Stores the entry, refusing an id that is taken. Every field fits the table: {@link ActivityPayload}
     * refuses what its columns cannot keep as the payload is read.
     */
    @Override
    public Object beforePublish(Identity publisher, Channel channel, Object payload) {
        ActivityPayload activity = (ActivityPayload) payload;
        try {
            repository.insert(activity);
        } catch (DuplicateKeyException e) {
            throw new YujianException(ErrorCode.INVALID_MESSAGE, "An activity entry with id '" + activity.id()
                    + "' exists already; use a new id");
        }
        return activity;
    }

    @Override
    public void presenceChanged(PresenceEvent event) {
        var user = event.presence();
        try {
            switch (event.type()) {
                case JOIN -> record(ActivityType.JOIN, user.userId(), user.name() + " came online", null);
                case LEAVE -> record(ActivityType.LEAVE, user.userId(), user.name() + " went offline", null);
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("Activity for " + user.userId() + " not recorded", e);
        }
    }
}

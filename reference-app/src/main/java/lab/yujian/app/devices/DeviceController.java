package lab.yujian.app.devices;

import java.time.Clock;
import java.util.Map;
import lab.yujian.app.AppProperties;
import lab.yujian.app.activity.ActivityService;
import lab.yujian.app.auth.UserAccount;
import lab.yujian.app.auth.UserRepository;
import lab.yujian.app.metrics.MetricsPublisher;
import lab.yujian.app.metrics.ServiceHealthRegistry;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.Hub;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.payload.ActivityType;
import lab.yujian.protocol.payload.PresencePayload;
import lab.yujian.protocol.payload.PresenceStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code /api/devices}: check-ins become presence, health reports become metrics, like any other. */
@RestController
@RequestMapping("/api/devices")
public class DeviceController {

    private final Hub hub;
    private final UserRepository users;
    private final ActivityService activity;
    private final ServiceHealthRegistry services;
    private final MetricsPublisher metrics;
    private final AppProperties app;
    private final Clock clock;

    public DeviceController(Hub hub, UserRepository users, ActivityService activity, ServiceHealthRegistry services,
                            MetricsPublisher metrics, AppProperties app, Clock clock) {
        this.hub = hub;
        this.users = users;
        this.activity = activity;
        this.services = services;
        this.metrics = metrics;
        this.app = app;
        this.clock = clock;
    }

    @PostMapping("/checkin")
    public PresencePayload checkin(@RequestAttribute(DeviceKeyFilter.DEVICE) Device device,
                                   @RequestBody CheckinRequest body) {
        UserAccount user = users.findByUsername(body.username())
                .orElseThrow(() -> ApiException.notFound("user", body.username()));
        if (user.disabled()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED,
                    "The account '" + user.username() + "' is disabled");
        }
        Map<String, JsonNode> metadata = Map.of("device", JsonNodeFactory.instance.stringNode(device.name()));
        if (body.isCheckout()) {
            var left = hub.checkOut(user.id(), device.id());
            activity.record(ActivityType.ACTION, user.id(), user.name() + " checked out at " + device.name(), metadata);
            return left.map(UserPresence::toPayload).orElseGet(() -> new PresencePayload(user.id(),
                    PresenceStatus.OFFLINE, null, null, clock.instant().toString(), null));
        }
        UserPresence present = hub.checkIn(user.identity(), device.id(), body.location(), app.checkinTtl());
        activity.record(ActivityType.ACTION, user.id(), user.name() + " checked in"
                + (body.location() == null ? "" : " at " + body.location()), metadata);
        return present.toPayload();
    }

    @PostMapping("/health")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void health(@RequestAttribute(DeviceKeyFilter.DEVICE) Device device, @RequestBody HealthReport report) {
        services.report(report.services());
        metrics.publish();
    }
}

package lab.yujian.app.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.Hub;
import lab.yujian.core.presence.UserPresence;
import lab.yujian.protocol.FieldLimits;
import lab.yujian.protocol.Fields;
import lab.yujian.protocol.payload.PresencePayload;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/presence}: who is here now, and who was here when. */
@RestController
@RequestMapping("/api/presence")
public class PresenceController {

    private static final Duration LONGEST_SPAN = Duration.ofDays(31);

    private final Hub hub;
    private final PresenceLog log;
    private final Clock clock;

    public PresenceController(Hub hub, PresenceLog log, Clock clock) {
        this.hub = hub;
        this.log = log;
        this.clock = clock;
    }

    @GetMapping
    public List<PresencePayload> now() {
        return hub.presence().list().stream().map(UserPresence::toPayload).toList();
    }

    @GetMapping("/history")
    public List<PresenceChange> history(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String userId) {
        Instant end = to == null ? clock.instant() : instant(to, "to");
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ApiException.invalid("from", "must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
            throw ApiException.invalid("from", "must be at most 31 days before 'to'");
        }
        Fields.maxLength(userId, FieldLimits.ID, "userId"); // a user id the log could hold, nothing else
        return log.between(start, end, userId == null || userId.isBlank() ? null : userId);
    }

    /** An ISO-8601 instant in the years the database keeps, as payloads' instants are. */
    private static Instant instant(String value, String field) {
        return Instant.parse(Fields.requireInstant(value, field));
    }
}

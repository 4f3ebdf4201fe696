package lab.yujian.app.activity;

import java.util.List;
import lab.yujian.app.auth.CurrentUser;
import lab.yujian.app.web.ApiException;
import lab.yujian.core.HubConfig;
import lab.yujian.core.acl.ChannelAuthorizer;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ErrorCode;
import lab.yujian.protocol.payload.ActivityPayload;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/activity}: the recent feed, for the roles that may read the {@code activity} channel. */
@RestController
@RequestMapping("/api/activity")
public class ActivityController {

    private final ActivityRepository repository;
    private final ChannelAuthorizer authorizer;

    public ActivityController(ActivityRepository repository, HubConfig config) {
        this.repository = repository;
        this.authorizer = ChannelAuthorizer.of(config.policy());
    }

    @GetMapping
    public List<ActivityPayload> recent(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "50") int limit) {
        var identity = CurrentUser.identity(jwt);
        if (!authorizer.canSubscribe(identity, Channel.ACTIVITY)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED,
                    "Role '" + identity.role() + "' may not read channel 'activity'");
        }
        if (limit < 1 || limit > 200) {
            throw ApiException.invalid("limit", "must be between 1 and 200");
        }
        return repository.newest(limit);
    }
}

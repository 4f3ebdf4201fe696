package lab.yujian.app.notices;

import java.util.Map;
import lab.yujian.app.devices.Device;
import lab.yujian.app.devices.DeviceKeyFilter;
import lab.yujian.app.auth.CurrentUser;
import lab.yujian.core.Hub;
import lab.yujian.core.NoticeResult;
import lab.yujian.core.registry.Identity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notices} (admins) and {@code POST /api/devices/notices} (device keys): a notice to every
 * session of one user. 202 with how many sessions it reached; 404 {@code USER_NOT_CONNECTED} when the user
 * has none, since a notice is not stored for later.
 */
@RestController
public class NoticeController {

    /** The API's code for a notice nobody could receive; not a protocol error code. */
    public static final String USER_NOT_CONNECTED = "USER_NOT_CONNECTED";

    private final Hub hub;

    public NoticeController(Hub hub) {
        this.hub = hub;
    }

    @PostMapping("/api/notices")
    public ResponseEntity<Map<String, Object>> fromAdmin(@AuthenticationPrincipal Jwt jwt,
                                                         @RequestBody NoticeRequest body) {
        return send(CurrentUser.identity(jwt), body);
    }

    @PostMapping("/api/devices/notices")
    public ResponseEntity<Map<String, Object>> fromDevice(@RequestAttribute(DeviceKeyFilter.DEVICE) Device device,
                                                          @RequestBody NoticeRequest body) {
        return send(new Identity("device:" + device.id(), "device", device.name()), body);
    }

    private ResponseEntity<Map<String, Object>> send(Identity sender, NoticeRequest body) {
        NoticeResult result = hub.notifyUser(body.userId(), sender, body.payload());
        if (result.undelivered()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", USER_NOT_CONNECTED,
                    "message", "User '" + body.userId() + "' has no session; notices are not kept for later",
                    "details", Map.of("userId", body.userId())));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("delivered", result.delivered(),
                "forwarded", result.forwarded()));
    }
}

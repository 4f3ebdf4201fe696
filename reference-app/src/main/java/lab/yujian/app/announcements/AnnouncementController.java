package lab.yujian.app.announcements;

import java.util.List;
import lab.yujian.app.auth.CurrentUser;
import lab.yujian.protocol.payload.AnnouncementPayload;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/announcements}: read for everyone signed in; post and expire for admins and moderators. */
@RestController
@RequestMapping("/api/announcements")
public class AnnouncementController {

    private final AnnouncementService announcements;

    public AnnouncementController(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @GetMapping
    public List<AnnouncementPayload> active() {
        return announcements.active();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AnnouncementPayload post(@AuthenticationPrincipal Jwt jwt, @RequestBody AnnouncementDraft draft) {
        return announcements.post(CurrentUser.identity(jwt), draft);
    }

    @PostMapping("/{id}/expire")
    public AnnouncementPayload expire(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return announcements.expire(CurrentUser.identity(jwt), id);
    }
}

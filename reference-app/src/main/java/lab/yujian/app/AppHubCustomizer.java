package lab.yujian.app;

import java.util.List;
import lab.yujian.app.activity.ActivityRepository;
import lab.yujian.app.announcements.AnnouncementService;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.spring.config.HubCustomizer;
import org.springframework.stereotype.Component;

/**
 * Plugs the app's features into the hub: announcements are stored by a publish hook, and the
 * {@code INITIAL_DATA} of announcements and activity comes from the database, so it survives restarts.
 */
@Component
public class AppHubCustomizer implements HubCustomizer {

    private static final int ACTIVITY_SNAPSHOT = 50;

    private final AnnouncementService announcements;
    private final ActivityRepository activity;

    public AppHubCustomizer(AnnouncementService announcements, ActivityRepository activity) {
        this.announcements = announcements;
        this.activity = activity;
    }

    @Override
    public void customize(lab.yujian.core.HubBuilder builder) {
        builder.hook(ChannelKind.ANNOUNCEMENTS, announcements)
                .snapshot(ChannelKind.ANNOUNCEMENTS, channel -> announcements.active())
                .snapshot(ChannelKind.ACTIVITY, channel -> List.copyOf(activity.recentAscending(ACTIVITY_SNAPSHOT)));
    }
}

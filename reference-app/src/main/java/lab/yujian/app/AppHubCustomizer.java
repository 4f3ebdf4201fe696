package lab.yujian.app;

import java.util.List;
import lab.yujian.app.activity.ActivityRepository;
import lab.yujian.app.activity.ActivityService;
import lab.yujian.app.announcements.AnnouncementService;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.spring.config.HubCustomizer;
import org.springframework.stereotype.Component;

/**
 * Plugs the app's features into the hub: announcements and activity are stored by publish hooks, and the
 * {@code INITIAL_DATA} of both comes from the database, so it survives restarts.
 */
@Component
public class AppHubCustomizer implements HubCustomizer {

    private static final int ACTIVITY_SNAPSHOT = 50;

    private final AnnouncementService announcements;
    private final ActivityService activity;
    private final ActivityRepository activityLog;

    public AppHubCustomizer(AnnouncementService announcements, ActivityService activity, ActivityRepository activityLog) {
        this.announcements = announcements;
        this.activity = activity;
        this.activityLog = activityLog;
    }

    @Override
    public void customize(lab.yujian.core.HubBuilder builder) {
        builder.hook(ChannelKind.ANNOUNCEMENTS, announcements)
                .snapshot(ChannelKind.ANNOUNCEMENTS, channel -> announcements.active())
                .hook(ChannelKind.ACTIVITY, activity)
                .snapshot(ChannelKind.ACTIVITY, channel -> List.copyOf(activityLog.recentAscending(ACTIVITY_SNAPSHOT)));
    }
}

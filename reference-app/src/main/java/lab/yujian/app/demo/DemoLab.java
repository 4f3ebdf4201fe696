package lab.yujian.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import lab.yujian.app.activity.ActivityService;
import lab.yujian.app.announcements.AnnouncementDraft;
import lab.yujian.app.announcements.AnnouncementService;
import lab.yujian.app.auth.UserAccount;
import lab.yujian.app.auth.UserRepository;
import lab.yujian.core.Hub;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.payload.ActivityType;
import lab.yujian.protocol.payload.Priority;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds demo members and, every few seconds, moves one of them around the lab: checks them in at a
 * bench, out again, or records what they are doing. Uses the same check-in path as a badge reader.
 */
@Component
@ConditionalOnProperty(name = "yujian.app.demo", havingValue = "true")
@Order(1)
public class DemoLab implements ApplicationRunner {

    /** The password of every demo member. */
    public static final String PASSWORD = "demo-password";

    private static final Log LOG = LogFactory.getLog(DemoLab.class);
    private static final String SOURCE = "demo-simulator";
    private static final List<String[]> MEMBERS = List.of(
            new String[] {"ada", "Ada Lovelace", "member"}, new String[] {"alan", "Alan Turing", "member"},
            new String[] {"grace", "Grace Hopper", "moderator"}, new String[] {"katherine", "Katherine Johnson", "member"},
            new String[] {"tu", "Tu Youyou", "member"});
    private static final List<String> PLACES = List.of("Bench 1", "Bench 2", "Cold room", "Microscopy",
            "Seminar room", "Office 3.14");
    private static final List<String> DOINGS = List.of("started a PCR run", "is imaging samples",
            "booked the confocal microscope", "calibrated the pipettes", "restocked the -80 freezer");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Hub hub;
    private final ActivityService activity;
    private final AnnouncementService announcements;
    private final Clock clock;

    public DemoLab(UserRepository users, PasswordEncoder passwords, Hub hub, ActivityService activity,
                   AnnouncementService announcements, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.hub = hub;
        this.activity = activity;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String[] member : MEMBERS) {
            if (users.findByUsername(member[0]).isEmpty()) { // spares the hashing on later starts
                users.insertIfAbsent(new UserAccount(UUID.randomUUID().toString(), member[0], member[1], member[2],
                        passwords.encode(PASSWORD), false, clock.instant()));
            }
        }
        announcements.post(new Identity("demo", Identity.ADMIN, "Demo lab"), new AnnouncementDraft(Priority.HIGH,
                "Welcome to the demo lab", "Members ada, alan, grace, katherine and tu sign in with the password '"
                        + PASSWORD + "'. Their comings and goings here are simulated.", null));
        LOG.warn("Demo mode: members ada, alan, grace (moderator), katherine and tu, password '" + PASSWORD + "'");
    }

    @Scheduled(fixedDelay = 4000, initialDelay = 2000)
    public void step() {
        String[] member = MEMBERS.get(ThreadLocalRandom.current().nextInt(MEMBERS.size()));
        users.findByUsername(member[0]).ifPresent(user -> {
            try {
                act(user);
            } catch (RuntimeException e) {
                LOG.debug("Demo step skipped", e);
            }
        });
    }

    private void act(UserAccount user) {
        int roll = ThreadLocalRandom.current().nextInt(10);
        if (roll < 5) {
            String place = PLACES.get(ThreadLocalRandom.current().nextInt(PLACES.size()));
            hub.checkIn(user.identity(), SOURCE, place, Duration.ofMinutes(10));
        } else if (roll < 7) {
            hub.checkOut(user.id(), SOURCE);
        } else {
            activity.record(ActivityType.ACTION, user.id(),
                    user.name() + " " + DOINGS.get(ThreadLocalRandom.current().nextInt(DOINGS.size())), Map.of());
        }
    }
}

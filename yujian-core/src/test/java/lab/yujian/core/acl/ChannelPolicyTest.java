package lab.yujian.core.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private final ChannelAuthorizer seed = ChannelAuthorizer.of(ChannelPolicy.ofDefaults());
    private final Identity admin = new Identity("root", "admin", null);
    private final Identity moderator = new Identity("mod", "moderator", null);
    private final Identity member = new Identity("ada", "member", null);

    @Test
    void adminsMaySubscribeToEverything() {
        for (Channel channel : List.of(Channel.PRESENCE, Channel.METRICS, Channel.ACTIVITY, Channel.ANNOUNCEMENTS,
                Channel.collaboration("d1"))) {
            assertThat(seed.canSubscribe(admin, channel)).as(channel.name()).isTrue();
        }
    }

    @Test
    void othersMaySubscribeOnlyToPresenceMetricsAndAnnouncements() {
        for (Identity who : List.of(member, moderator)) {
            assertThat(seed.canSubscribe(who, Channel.PRESENCE)).isTrue();
            assertThat(seed.canSubscribe(who, Channel.METRICS)).isTrue();
            assertThat(seed.canSubscribe(who, Channel.ANNOUNCEMENTS)).isTrue();
            assertThat(seed.canSubscribe(who, Channel.ACTIVITY)).isFalse();
            assertThat(seed.canSubscribe(who, Channel.collaboration("d1"))).isFalse();
        }
    }

    @Test
    void onlyAdminsAndModeratorsPublish() {
        assertThat(seed.canPublish(admin, Channel.ANNOUNCEMENTS)).isTrue();
        assertThat(seed.canPublish(moderator, Channel.ANNOUNCEMENTS)).isTrue();
        assertThat(seed.canPublish(moderator, Channel.collaboration("d1"))).isTrue();
        assertThat(seed.canPublish(member, Channel.ANNOUNCEMENTS)).isFalse();
        assertThat(seed.canPublish(member, Channel.METRICS)).isFalse();
    }

    @Test
    void nobodyPublishesPresenceDirectly() {
        assertThat(seed.canPublish(admin, Channel.PRESENCE)).isFalse();
        assertThat(seed.canPublish(moderator, Channel.PRESENCE)).isFalse();
    }

    @Test
    void anUnknownRoleMayDoNothing() {
        Identity guest = new Identity("g", "guest", null);
        assertThat(seed.canSubscribe(guest, Channel.PRESENCE)).isFalse();
        assertThat(seed.canPublish(guest, Channel.METRICS)).isFalse();
    }

    @Test
    void aPolicyCanBeChangedWithoutCode() {
        ChannelPolicy custom = ChannelPolicy.ofDefaults().toBuilder()
                .subscribe("member", "activity")
                .replacePublish("moderator", List.of())
                .subscribe("guest", "presence")
                .build();
        ChannelAuthorizer authorizer = ChannelAuthorizer.of(custom);
        assertThat(authorizer.canSubscribe(member, Channel.ACTIVITY)).isTrue();
        assertThat(authorizer.canPublish(moderator, Channel.ANNOUNCEMENTS)).isFalse();
        assertThat(authorizer.canSubscribe(new Identity("g", "guest", null), Channel.PRESENCE)).isTrue();
    }

    @Test
    void aBadPatternIsRefusedNamingRuleAndRole() {
        assertThatThrownBy(() -> ChannelPolicy.custom().subscribe("member", "presense"))
                .hasMessageContaining("subscribe.member").hasMessageContaining("'presense'");
        assertThatThrownBy(() -> ChannelPolicy.custom().publish(" ", "metrics"))
                .hasMessageContaining("publish: a role name must not be blank");
    }
}

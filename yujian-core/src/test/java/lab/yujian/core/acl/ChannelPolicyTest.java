package lab.yujian.core.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.yujian.core.registry.Identity;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private final ChannelAuthorizer seed = ChannelAuthorizer.of(ChannelPolicy.ofDefaults());
    private final Identity admin = new Identity("root", "admin", null);
    private final Identity moderator = new Identity("mod", "moderator", null);
    private final Identity member = new Identity("ada", "member", null);
    private final Identity viewer = new Identity("vi", "viewer", null);

    @Test
    void adminsMaySubscribeToEverything() {
        for (Channel channel : List.of(Channel.PRESENCE, Channel.METRICS, Channel.ACTIVITY, Channel.ANNOUNCEMENTS,
                Channel.collaboration("d1"))) {
            assertThat(seed.canSubscribe(admin, channel)).as(channel.name()).isTrue();
        }
    }

    @Test
    void everyOtherRoleListedOrNotMaySubscribeOnlyToPresenceMetricsAndAnnouncements() {
        for (Identity who : List.of(member, moderator, viewer, new Identity("g", "guest", null))) {
            assertThat(seed.canSubscribe(who, Channel.PRESENCE)).as(who.role()).isTrue();
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
    void aRoleTheSeedDoesNotNameReadsLikeAMemberButPublishesNothing() {
        assertThat(seed.canSubscribe(viewer, Channel.METRICS)).isTrue();
        assertThat(seed.canSubscribe(viewer, Channel.ACTIVITY)).isFalse();
        assertThat(seed.canPublish(viewer, Channel.METRICS)).isFalse();
        assertThat(seed.canPublish(viewer, Channel.ANNOUNCEMENTS)).isFalse();
    }

    @Test
    void aListedRoleHasItsOwnPatternsInsteadOfTheWildcards() {
        ChannelPolicy policy = ChannelPolicy.custom()
                .subscribe(ChannelPolicy.ANY_ROLE, "presence", "metrics")
                .subscribe("auditor", "activity")
                .build();
        ChannelAuthorizer authorizer = ChannelAuthorizer.of(policy);
        Identity auditor = new Identity("au", "auditor", null);
        assertThat(authorizer.canSubscribe(auditor, Channel.ACTIVITY)).isTrue();
        assertThat(authorizer.canSubscribe(auditor, Channel.PRESENCE)).isFalse();
        assertThat(authorizer.canSubscribe(viewer, Channel.PRESENCE)).isTrue();
        assertThat(authorizer.canSubscribe(viewer, Channel.ACTIVITY)).isFalse();
    }

    @Test
    void withoutAWildcardAnUnlistedRoleMayDoNothing() {
        ChannelAuthorizer strict = ChannelAuthorizer.of(ChannelPolicy.custom().subscribe("admin", "*").build());
        assertThat(strict.canSubscribe(viewer, Channel.PRESENCE)).isFalse();
        assertThat(strict.canPublish(viewer, Channel.METRICS)).isFalse();
    }

    @Test
    void aPolicyCanBeChangedWithoutCode() {
        ChannelPolicy custom = ChannelPolicy.ofDefaults().toBuilder()
                .subscribe("member", "presence", "metrics", "announcements", "activity")
                .replacePublish("moderator", List.of())
                .replaceSubscribe(ChannelPolicy.ANY_ROLE, List.of("presence"))
                .build();
        ChannelAuthorizer authorizer = ChannelAuthorizer.of(custom);
        assertThat(authorizer.canSubscribe(member, Channel.ACTIVITY)).isTrue();
        assertThat(authorizer.canSubscribe(member, Channel.METRICS)).isTrue();
        assertThat(authorizer.canPublish(moderator, Channel.ANNOUNCEMENTS)).isFalse();
        assertThat(authorizer.canSubscribe(viewer, Channel.PRESENCE)).isTrue();
        assertThat(authorizer.canSubscribe(viewer, Channel.METRICS)).isFalse();
    }

    @Test
    void aBadPatternIsRefusedNamingRuleAndRole() {
        assertThatThrownBy(() -> ChannelPolicy.custom().subscribe("member", "presence/all"))
                .hasMessageContaining("subscribe.member").hasMessageContaining("'presence/all'");
        ChannelPolicy typo = ChannelPolicy.custom().subscribe("member", "presense").build();
        assertThatThrownBy(() -> lab.yujian.core.HubConfig.custom().policy(typo).build())
                .hasMessageContaining("policy.subscribe.member: 'presense' matches no channel");
        assertThatThrownBy(() -> ChannelPolicy.custom().publish(" ", "metrics"))
                .hasMessageContaining("publish: a role name must not be blank");
    }

    @Test
    void aNullPatternListOrPatternIsRefusedNamingRuleAndRole() {
        assertThatThrownBy(() -> ChannelPolicy.custom().subscribe("member", (List<String>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscribe.member: the pattern list must not be null");
        assertThatThrownBy(() -> ChannelPolicy.custom().publish("admin", (String[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("publish.admin: ");
        assertThatThrownBy(() -> ChannelPolicy.custom().subscribe("member", "presence", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscribe.member: a pattern must not be null");
        Map<String, List<ChannelPattern>> nullList = new HashMap<>();
        nullList.put("viewer", null);
        assertThatThrownBy(() -> new ChannelPolicy(nullList, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subscribe.viewer: the pattern list must not be null");
        assertThatThrownBy(() -> new ChannelPolicy(Map.of(), Map.of("admin", Arrays.asList((ChannelPattern) null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("publish.admin: a pattern must not be null");
    }

    @Test
    void aRoleNameWithAStarThatIsNotTheWildcardIsRefused() {
        assertThatThrownBy(() -> ChannelPolicy.custom().subscribe("mod*", "presence"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscribe: role 'mod*'");
        assertThatThrownBy(() -> new ChannelPolicy(Map.of(), Map.of("*admin", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publish: role '*admin'");
    }
}

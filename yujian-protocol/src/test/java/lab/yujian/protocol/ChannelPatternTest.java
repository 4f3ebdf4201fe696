package lab.yujian.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelPatternTest {

    @Test
    void starMatchesEveryChannel() {
        ChannelPattern all = ChannelPattern.parse("*");
        assertThat(all.matches(Channel.PRESENCE)).isTrue();
        assertThat(all.matches(Channel.collaboration("d"))).isTrue();
    }

    @Test
    void collaborationStarMatchesOnlyCollaborationChannels() {
        ChannelPattern collaboration = ChannelPattern.parse("collaboration.*");
        assertThat(collaboration.matches(Channel.collaboration("d1"))).isTrue();
        assertThat(collaboration.matches(Channel.METRICS)).isFalse();
    }

    @Test
    void aChannelNameMatchesOnlyItself() {
        ChannelPattern metrics = ChannelPattern.parse(" metrics ");
        assertThat(metrics.matches(Channel.METRICS)).isTrue();
        assertThat(metrics.matches(Channel.PRESENCE)).isFalse();
        assertThat(ChannelPattern.parse("collaboration.d1").matches(Channel.collaboration("d2"))).isFalse();
    }

    @Test
    void aMalformedPatternIsRefusedNamingThePattern() {
        assertThatThrownBy(() -> ChannelPattern.parse("**")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'**'");
        assertThatThrownBy(() -> ChannelPattern.parse("metrics.*.x")).hasMessageContaining("'metrics.*.x'");
        assertThatThrownBy(() -> ChannelPattern.parse("/topic/metrics")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWellFormedPatternThatMatchesNoKindIsRefusedByTheKinds() {
        ChannelKinds kinds = ChannelKinds.builtIns();
        assertThatThrownBy(() -> kinds.check(ChannelPattern.parse("metric"), "policy"))
                .hasMessageContaining("'metric'");
        assertThatThrownBy(() -> kinds.check(ChannelPattern.parse("presence.*"), "policy"))
                .hasMessageContaining("'presence.*'");
    }
}

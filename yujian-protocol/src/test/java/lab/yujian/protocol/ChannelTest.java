package lab.yujian.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {

    @Test
    void parsesTheFixedChannels() {
        assertThat(Channel.parse("presence")).isSameAs(Channel.PRESENCE);
        assertThat(Channel.parse("metrics").kind()).isEqualTo(ChannelKind.METRICS);
        assertThat(Channel.parse("activity").kind()).isEqualTo(ChannelKind.ACTIVITY);
        assertThat(Channel.parse("announcements").kind()).isEqualTo(ChannelKind.ANNOUNCEMENTS);
    }

    @Test
    void parsesACollaborationChannelWithItsDocumentId() {
        Channel channel = Channel.parse("collaboration.doc-42_a");
        assertThat(channel.kind()).isEqualTo(ChannelKind.COLLABORATION);
        assertThat(channel.documentId()).isEqualTo("doc-42_a");
        assertThat(Channel.collaboration("doc-42_a")).isEqualTo(channel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Presence", "presence ", "chat", "collaboration", "collaboration.",
            "collaboration.a.b", "collaboration.a/b", "collaboration.a*", "/topic/presence"})
    void refusesEverythingElseWithChannelNotFound(String name) {
        assertThatThrownBy(() -> Channel.parse(name))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
    }

    @Test
    void refusesADocumentIdLongerThan64Characters() {
        assertThatThrownBy(() -> Channel.collaboration("x".repeat(65))).isInstanceOf(ProtocolException.class);
        assertThat(Channel.collaboration("x".repeat(64)).documentId()).hasSize(64);
    }

    @Test
    void aMissingNameIsAMissingField() {
        assertThatThrownBy(() -> Channel.parse(null))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }
}

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
    void theConstructorAcceptsOnlyANameThatMatchesItsKind() {
        assertThat(new Channel("metrics", ChannelKind.METRICS, null)).isEqualTo(Channel.METRICS);
        assertThat(new Channel("collaboration.d1", ChannelKind.COLLABORATION, "d1"))
                .isEqualTo(Channel.collaboration("d1"));
        assertThatThrownBy(() -> new Channel("metrics", ChannelKind.PRESENCE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Channel name 'metrics' does not match kind PRESENCE; expected 'presence'");
        assertThatThrownBy(() -> new Channel("collaboration.a", ChannelKind.COLLABORATION, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match kind COLLABORATION and id 'b'")
                .hasMessageContaining("expected 'collaboration.b'");
        assertThatThrownBy(() -> new Channel("chat", ChannelKind.ACTIVITY, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chat'");
    }

    @Test
    void theConstructorRefusesADocumentIdThatDoesNotFitTheKind() {
        assertThatThrownBy(() -> new Channel("presence", ChannelKind.PRESENCE, "d1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only channels of a kind with ids have an id");
        assertThatThrownBy(() -> new Channel("collaboration.", ChannelKind.COLLABORATION, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an id");
        assertThatThrownBy(() -> new Channel("collaboration.a/b", ChannelKind.COLLABORATION, "a/b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 'a/b'");
    }

    @Test
    void aMissingNameIsAMissingField() {
        assertThatThrownBy(() -> Channel.parse(null))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }
}

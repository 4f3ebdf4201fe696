package lab.yujian.spring.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutingKeysTest {

    private final RoutingKeys keys = new RoutingKeys("lab-1");

    @Test
    void aPlainChannelKeepsItsNameInTheRoutingKey() {
        assertThat(keys.channelDestination("collaboration.doc-1_a")).isEqualTo("/exchange/amq.topic/lab-1.c.collaboration.doc-1_a");
    }

    @Test
    void slashesWildcardsPercentTildeAndNonAsciiAreEncodedReversibly() {
        String channel = "collaboration.a/b*#%~ü";
        String destination = keys.channelDestination(channel);
        assertThat(destination.substring("/exchange/amq.topic/".length())).matches("[A-Za-z0-9_.~-]+");
        assertThat(keys.channelOf(destination)).isEqualTo(channel);
    }

    @Test
    void theChannelIsReadFromTheRoutingKeyWhateverNameRabbitMqGivesTheExchange() {
        assertThat(keys.channelOf("/topic/lab-1.c.metrics")).isEqualTo("metrics");
        assertThat(keys.channelOf("/exchange/amq.direct/lab-1.n.node-1")).isNull();
        assertThat(keys.channelOf("/topic/other.c.metrics")).isNull();
    }

    @Test
    void aNameThatDoesNotFitARoutingKeyIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> keys.channelDestination("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel ''");
        assertThatThrownBy(() -> keys.channelDestination("x".repeat(250)))
                .hasMessageContaining("over 255 bytes");
        assertThatThrownBy(() -> keys.nodeDestination("/".repeat(90))).hasMessageContaining("node id");
    }
}

package lab.yujian.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelPattern;
import org.junit.jupiter.api.Test;

class BatchConfigTest {

    @Test
    void aBuilderSetsEachFieldAndFromCopiesThemAll() {
        BatchConfig custom = BatchConfig.custom().channels("activity", "collaboration.*").maxSize(10)
                .maxDelay(Duration.ofMillis(20)).build();
        assertThat(custom).isEqualTo(new BatchConfig(
                List.of(ChannelPattern.parse("activity"), ChannelPattern.parse("collaboration.*")), 10,
                Duration.ofMillis(20)));
        assertThat(BatchConfig.from(custom).build()).isEqualTo(custom);
        assertThat(BatchConfig.custom().build()).isEqualTo(BatchConfig.ofDefaults());
    }

    @Test
    void noChannelsMeansNothingIsBatched() {
        BatchConfig none = BatchConfig.custom().channels().build();
        assertThat(none.batches(Channel.METRICS)).isFalse();
    }

    @Test
    void everyRefusalNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> BatchConfig.custom().maxSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batch.maxSize must be greater than 0, was 0");
        assertThatThrownBy(() -> BatchConfig.custom().maxDelay(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batch.maxDelay must be positive, was PT0S");
        assertThatThrownBy(() -> BatchConfig.custom().channels("metrics", "metrics/all"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch.channels[1]")
                .hasMessageContaining("'metrics/all'");
        BatchConfig typo = BatchConfig.custom().channels("metrics", "metric").build();
        assertThatThrownBy(() -> lab.yujian.core.HubConfig.custom().batch(typo).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch.channels: 'metric' matches no channel");
    }

    @Test
    void nullChannelsAreRefusedNamingTheFieldNotWithABareNullPointer() {
        assertThatThrownBy(() -> new BatchConfig(null, 10, Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batch.channels must not be null");
        assertThatThrownBy(() -> BatchConfig.custom().channels((List<ChannelPattern>) null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batch.channels must not be null");
        assertThatThrownBy(() -> BatchConfig.custom().channels((String[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batch.channels must not be null");
        assertThatThrownBy(() -> BatchConfig.custom().channels("metrics", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batch.channels[1] must not be null");
        assertThatThrownBy(() -> new BatchConfig(Arrays.asList(ChannelPattern.parse("metrics"), null), 10,
                Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batch.channels[1] must not be null");
    }
}

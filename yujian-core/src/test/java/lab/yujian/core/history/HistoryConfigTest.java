package lab.yujian.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistoryConfigTest {

    @Test
    void theDefaultsAreTheSeeds() {
        assertThat(HistoryConfig.ofDefaults()).isEqualTo(new HistoryConfig(1000, Duration.ofMinutes(10)));
    }

    @Test
    void aBuilderSetsEachFieldAndFromCopiesThemAll() {
        HistoryConfig custom = HistoryConfig.custom().maxSize(50).maxAge(Duration.ofMinutes(2)).build();
        assertThat(custom).isEqualTo(new HistoryConfig(50, Duration.ofMinutes(2)));
        assertThat(HistoryConfig.from(custom).build()).isEqualTo(custom);
        assertThat(HistoryConfig.from(custom).maxSize(7).build().maxAge()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyRefusalNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> HistoryConfig.custom().maxSize(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history.maxSize must be greater than 0, was 0");
        assertThatThrownBy(() -> HistoryConfig.custom().maxAge(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history.maxAge");
        assertThatThrownBy(() -> HistoryConfig.custom().maxAge(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history.maxAge must be positive, was null");
    }
}

package lab.yujian.spring.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesFromTheMinimumUpToTheMaximumAndIsJitteredDownToHalf() {
        assertThat(Backoff.delay(0, 500, 10_000, 1.0)).isEqualTo(500);
        assertThat(Backoff.delay(0, 500, 10_000, 0.0)).isEqualTo(250);
        assertThat(Backoff.delay(3, 500, 10_000, 1.0)).isEqualTo(4_000);
        assertThat(Backoff.delay(5, 500, 10_000, 1.0)).isEqualTo(10_000);
        assertThat(Backoff.delay(1_000, 500, 10_000, 0.0)).isEqualTo(5_000);
    }

    @Test
    void itCountsItsOwnAttempts() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));
        long first = backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        long fourth = backoff.nextDelayMillis();
        assertThat(first).isBetween(50L, 100L);
        assertThat(fourth).isBetween(400L, 800L);
    }

    @Test
    void aConnectionThatStayedUpStartsTheCountAgainAndAShortOneDoesNot() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));
        for (int i = 0; i < 4; i++) {
            backoff.nextDelayMillis();
        }
        backoff.dropped(Duration.ofSeconds(1));
        assertThat(backoff.nextDelayMillis()).isBetween(800L, 1_600L);
        backoff.dropped(Duration.ofSeconds(10));
        assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
    }
}

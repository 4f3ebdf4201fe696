package lab.yujian.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.yujian.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.atSeedDate();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, WINDOW, 100, clock);

    @Test
    void aUserNameAndAddressGetTheirBudgetThenWaitForOneAttempt() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAttempt("ada", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.tryAttempt("ada", "10.0.0.1")).hasValue(WINDOW.dividedBy(3));
        assertThat(throttle.tryAttempt("ada", "10.0.0.2")).as("another address has its own").isEmpty();
        assertThat(throttle.tryAttempt("alan", "10.0.0.1")).as("another name too").isEmpty();
    }

    @Test
    void distinctUserNamesFromOneAddressShareTheAddressBudget() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAttempt("guess-" + i, "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.tryAttempt("guess-5", "10.0.0.1")).hasValue(WINDOW.dividedBy(5));
        assertThat(throttle.tryAttempt("guess-5", "10.0.0.2")).isEmpty();
    }

    @Test
    void aRefusalByTheAddressBudgetCostsTheUserBudgetNothing() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt("guess-" + i, "10.0.0.1");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAttempt("ada", "10.0.0.1")).as("refused by the address").isPresent();
        }
        clock.advance(WINDOW.dividedBy(5)); // one attempt back for the address, less than one for a user
        assertThat(throttle.tryAttempt("ada", "10.0.0.1")).as("ada's own budget is untouched").isEmpty();
    }

    @Test
    void aSuccessfulSignInGivesItsAttemptBack() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt("ada", "10.0.0.1")).isEmpty();
            throttle.succeeded("ada", "10.0.0.1");
        }
    }

    @Test
    void userNamesShareABudgetAsTheyAreTyped() {
        throttle.tryAttempt("Ada", "10.0.0.1");
        throttle.tryAttempt(" ada ", "10.0.0.1");
        throttle.tryAttempt("ADA", "10.0.0.1");
        assertThat(throttle.tryAttempt("ada", "10.0.0.1")).isPresent();
    }

    @Test
    void aSpentBudgetRefillsOverTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.tryAttempt("ada", "10.0.0.1");
        }
        clock.advance(WINDOW.dividedBy(3));
        assertThat(throttle.tryAttempt("ada", "10.0.0.1")).isEmpty();
        assertThat(throttle.tryAttempt("ada", "10.0.0.1")).isPresent();
    }

    @Test
    void aFloodOfDistinctKeysKeepsAtMostMaxKeysAndIdleOnesAreForgotten() {
        for (int i = 0; i < 10_000; i++) {
            throttle.tryAttempt("user-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.keys()).isLessThanOrEqualTo(100);
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(throttle.keys()).isZero();
    }

    @Test
    void aHugeForgedAddressIsCutInTheKey() {
        String forged = "x".repeat(10_000);
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt("user-" + i, forged + i);
        }
        assertThat(throttle.tryAttempt("user-5", forged + "other")).as("cut to one address").isPresent();
    }
}

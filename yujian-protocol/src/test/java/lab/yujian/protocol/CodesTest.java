package lab.yujian.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void errorCodesAreTheSeedsPlusTheSubscriptionCap() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).containsExactly(
                "CONNECTION_REFUSED", "AUTHENTICATION_FAILED", "RATE_LIMITED", "INVALID_MESSAGE", "INVALID_TYPE",
                "MISSING_FIELD", "CHANNEL_NOT_FOUND", "ACCESS_DENIED", "PUBLISH_DENIED", "ALREADY_SUBSCRIBED",
                "TOO_MANY_SUBSCRIPTIONS", "SERVER_ERROR", "SERVICE_UNAVAILABLE", "TIMEOUT");
    }

    @Test
    void onlyWaitingCanFixATemporaryError() {
        assertThat(ErrorCode.RATE_LIMITED.temporary()).isTrue();
        assertThat(ErrorCode.SERVICE_UNAVAILABLE.temporary()).isTrue();
        assertThat(ErrorCode.AUTHENTICATION_FAILED.temporary()).isFalse();
        assertThat(ErrorCode.MISSING_FIELD.temporary()).isFalse();
    }

    @Test
    void onlyRefusalsOfTheClientsOwnRequestsAreHeldAgainstIt() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(code -> !code.causedByClient()))
                .containsExactly(ErrorCode.CONNECTION_REFUSED, ErrorCode.SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE,
                        ErrorCode.TIMEOUT);
        assertThat(ErrorCode.RATE_LIMITED.causedByClient()).isTrue();
        assertThat(ErrorCode.PUBLISH_DENIED.causedByClient()).isTrue();
    }

    @Test
    void closeCodesFollowAppendixBPlusRestartAndSlowConsumer() {
        assertThat(Arrays.stream(CloseCode.values()).mapToInt(CloseCode::code))
                .containsExactly(1000, 1001, 1002, 1003, 1006, 1008, 1009, 1011, 1012, 1015, 4500);
        assertThat(CloseCode.of(1009)).isEqualTo(CloseCode.MESSAGE_TOO_BIG);
        assertThatThrownBy(() -> CloseCode.of(4000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientsReconnectAfterShutdownRestartAndServerErrorButNotAfterAuthFailure() {
        assertThat(CloseCode.GOING_AWAY.reconnect()).isTrue();
        assertThat(CloseCode.SERVER_ERROR.reconnect()).isTrue();
        assertThat(CloseCode.SERVICE_RESTART.reconnect()).isTrue();
        assertThat(CloseCode.ABNORMAL.reconnect()).isTrue();
        assertThat(CloseCode.SLOW_CONSUMER.reconnect()).isTrue();
        assertThat(CloseCode.POLICY_VIOLATION.reconnect()).isFalse();
        assertThat(CloseCode.NORMAL.reconnect()).isFalse();
        assertThat(CloseCode.MESSAGE_TOO_BIG.reconnect()).isFalse();
    }
}

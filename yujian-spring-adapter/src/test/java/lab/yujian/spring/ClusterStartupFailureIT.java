package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.yujian.spring.testapp.TestHubApplication;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A whole application started against a Redis that is not there: one line, no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ClusterStartupFailureIT {

    @Test
    void anUnreachableRedisStopsTheApplicationWithOneLineAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(TestHubApplication.class, "--server.port=0",
                "--yujian.jwt.secret=" + TestTokens.SECRET, "--yujian.broker=redis",
                "--yujian.redis.url=redis://127.0.0.1:6380", "--yujian.redis.timeout=1s"))
                .hasRootCauseMessage("finishConnect(..) failed with error(-111): Connection refused");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Redis at redis://127.0.0.1:6380 is not reachable: finishConnect(..) failed with error(-111): "
                        + "Connection refused")
                .contains("or set yujian.broker=memory")
                .doesNotContain("\tat lab.yujian");
    }
}

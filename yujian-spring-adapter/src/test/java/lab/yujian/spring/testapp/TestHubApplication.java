package lab.yujian.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application of the adapter: no code of its own, only auto-configuration and the test
 * properties. The adapter's contract tests run against it on a random port.
 */
@SpringBootApplication
public class TestHubApplication {
}

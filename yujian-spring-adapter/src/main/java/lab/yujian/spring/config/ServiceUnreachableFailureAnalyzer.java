package lab.yujian.spring.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ServiceUnreachableException} at startup into its one line and what to check. */
public class ServiceUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ServiceUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServiceUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(), "Start " + cause.service() + " at " + cause.address()
                + ", or point the yujian." + (cause.service().startsWith("Redis") ? "redis" : "rabbitmq")
                + ".* settings at it, or set yujian.broker=memory for a single node.", cause);
    }
}

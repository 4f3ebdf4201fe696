package lab.yujian.spring.config;

import io.micrometer.core.instrument.MeterRegistry;
import lab.yujian.core.HubConfig;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.spring.metrics.HubMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The seed's WebSocket metrics, when Micrometer is present. */
@AutoConfiguration(after = YujianHubAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class YujianMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public HubMetrics yujianHubMetrics(MeterRegistry registry, ConnectionRegistry connections, HubConfig config) {
        return new HubMetrics(registry, connections, config.kinds());
    }
}

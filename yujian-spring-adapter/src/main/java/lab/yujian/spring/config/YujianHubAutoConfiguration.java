package lab.yujian.spring.config;

import java.time.Clock;
import lab.yujian.core.Hub;
import lab.yujian.core.HubBuilder;
import lab.yujian.core.ChannelKindConfig;
import lab.yujian.core.HubConfig;
import lab.yujian.core.HubObserver;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.broker.Broker;
import lab.yujian.core.broker.InMemoryBroker;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.presence.PresenceStore;
import lab.yujian.core.ratelimit.InMemoryRateLimiter;
import lab.yujian.core.ratelimit.RateLimiter;
import lab.yujian.core.registry.ConnectionRegistry;
import lab.yujian.core.registry.InMemoryConnectionRegistry;
import lab.yujian.protocol.json.MessageCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The hub, its broker and its stores. They default to the core's in-memory implementations (a single
 * node); an application or the cluster configuration replaces them by defining its own beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(YujianProperties.class)
public class YujianHubAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MessageCodec yujianMessageCodec() {
        return MessageCodec.create();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock yujianClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public HubConfig yujianHubConfig(YujianProperties properties, ObjectProvider<ChannelKindConfig> channelKinds) {
        return properties.toHubConfig(channelKinds.orderedStream().toList());
    }

    @Bean(name = "yujianTaskScheduler")
    @ConditionalOnMissingBean(name = "yujianTaskScheduler")
    public ThreadPoolTaskScheduler yujianTaskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("yujian-scheduler-");
        // A stopping node drains its sessions (StompDrain) after the context close began; their disconnects
        // still schedule work here (lingers, presence), so it keeps taking tasks until its lifecycle stops
        scheduler.setAcceptTasksAfterContextClose(true);
        return scheduler;
    }

    @Bean
    @ConditionalOnMissingBean
    public ConnectionRegistry yujianConnectionRegistry() {
        return new InMemoryConnectionRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    public HistoryStore yujianHistoryStore(HubConfig config, Clock clock) {
        return new InMemoryHistoryStore(config.history(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public PresenceStore yujianPresenceStore(HubConfig config, Clock clock) {
        return new InMemoryPresenceStore(clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Broker yujianBroker(HubConfig config, HistoryStore history) {
        return new InMemoryBroker(history, config.nodeId());
    }

    @Bean
    @ConditionalOnMissingBean
    public RateLimiter yujianRateLimiter(HubConfig config, Clock clock) {
        return new InMemoryRateLimiter(config.rateLimit(), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Hub yujianHub(HubConfig config, SessionTransport transport, Clock clock, ConnectionRegistry registry,
                         Broker broker, PresenceStore presence, RateLimiter rateLimiter, MessageCodec codec,
                         @Qualifier("yujianTaskScheduler") ThreadPoolTaskScheduler scheduler,
                         ObjectProvider<HubObserver> observers, ObjectProvider<HubCustomizer> customizers) {
        HubBuilder builder = Hub.builder(config).transport(transport).clock(clock).registry(registry)
                .broker(broker).presence(presence).rateLimiter(rateLimiter).codec(codec)
                .scheduler(scheduler.getScheduledExecutor());
        observers.orderedStream().forEach(builder::observer);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}

package lab.yujian.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import lab.yujian.core.ChannelKindConfig;
import lab.yujian.core.Hub;
import lab.yujian.core.HubConfig;
import lab.yujian.core.SessionTransport;
import lab.yujian.core.history.HistoryConfig;
import lab.yujian.core.history.HistoryStore;
import lab.yujian.core.history.InMemoryHistoryStore;
import lab.yujian.core.presence.InMemoryPresenceStore;
import lab.yujian.core.registry.Identity;
import lab.yujian.core.testing.RecordingTransport;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.spring.config.HubCustomizer;
import lab.yujian.spring.config.YujianHubAutoConfiguration;
import lab.yujian.spring.config.YujianMetricsAutoConfiguration;
import lab.yujian.spring.config.YujianSecurityAutoConfiguration;
import lab.yujian.spring.metrics.HubMetrics;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class YujianAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YujianHubAutoConfiguration.class,
                    YujianSecurityAutoConfiguration.class, YujianMetricsAutoConfiguration.class))
            .withBean(SessionTransport.class, RecordingTransport::new)
            .withPropertyValues("yujian.jwt.secret=" + TestTokens.SECRET);

    @Test
    void theDefaultsGiveOneHubWithInMemoryStores() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Hub.class);
            assertThat(context).getBean(HistoryStore.class).isInstanceOf(InMemoryHistoryStore.class);
            assertThat(context).getBean(lab.yujian.core.presence.PresenceStore.class)
                    .isInstanceOf(InMemoryPresenceStore.class);
            assertThat(context.getBean(HubConfig.class).rateLimit().limit()).isEqualTo(100);
            assertThat(context).doesNotHaveBean(HubMetrics.class);
        });
    }

    @Test
    void aUsersOwnStoreWins() {
        HistoryStore own = new InMemoryHistoryStore(new HistoryConfig(7, Duration.ofMinutes(1)), java.time.Clock.systemUTC());
        runner.withBean(HistoryStore.class, () -> own).run(context -> {
            assertThat(context).getBean(HistoryStore.class).isSameAs(own);
            assertThat(context.getBean(Hub.class).history()).isSameAs(own);
        });
    }

    @Test
    void aUsersOwnBeanOfEachKindWins() {
        java.time.Clock clock = java.time.Clock.systemUTC();
        HubConfig config = HubConfig.custom().nodeId("own-node").build();
        var registry = new lab.yujian.core.registry.InMemoryConnectionRegistry();
        var presence = new InMemoryPresenceStore(clock);
        var history = new InMemoryHistoryStore(config.history(), clock);
        var broker = new lab.yujian.core.broker.InMemoryBroker(history, "own-node");
        var limiter = new lab.yujian.core.ratelimit.InMemoryRateLimiter(config.rateLimit(), clock);
        var codec = lab.yujian.protocol.json.MessageCodec.create();
        runner.withBean(java.time.Clock.class, () -> clock).withBean(HubConfig.class, () -> config)
                .withBean(lab.yujian.core.registry.ConnectionRegistry.class, () -> registry)
                .withBean(lab.yujian.core.presence.PresenceStore.class, () -> presence)
                .withBean(HistoryStore.class, () -> history)
                .withBean(lab.yujian.core.broker.Broker.class, () -> broker)
                .withBean(lab.yujian.core.ratelimit.RateLimiter.class, () -> limiter)
                .withBean(lab.yujian.protocol.json.MessageCodec.class, () -> codec)
                .run(context -> {
                    assertThat(context).getBean(java.time.Clock.class).isSameAs(clock);
                    assertThat(context).getBean(HubConfig.class).isSameAs(config);
                    assertThat(context).getBean(lab.yujian.core.broker.Broker.class).isSameAs(broker);
                    assertThat(context).getBean(lab.yujian.core.ratelimit.RateLimiter.class).isSameAs(limiter);
                    assertThat(context).getBean(lab.yujian.protocol.json.MessageCodec.class).isSameAs(codec);
                    Hub hub = context.getBean(Hub.class);
                    assertThat(hub.config()).isSameAs(config);
                    assertThat(hub.registry()).isSameAs(registry);
                    assertThat(hub.presence()).isSameAs(presence);
                    assertThat(hub.history()).isSameAs(history);
                });
        Hub own = Hub.builder(config).transport(new RecordingTransport()).build();
        try {
            runner.withBean(Hub.class, () -> own).run(context -> assertThat(context).getBean(Hub.class).isSameAs(own));
        } finally {
            own.close();
        }
    }

    @Test
    void propertiesMapOntoTheHubConfigurationIncludingTheSeedsEnvironmentNames() {
        runner.withPropertyValues("yujian.rate-limit.max=5", "yujian.rate-limit.window=30000",
                "yujian.acl.subscribe.member=presence,activity", "yujian.node-id=lab-2").run(context -> {
                    HubConfig config = context.getBean(HubConfig.class);
                    assertThat(config.rateLimit().limit()).isEqualTo(5);
                    assertThat(config.rateLimit().window()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(config.nodeId()).isEqualTo("lab-2");
                    Hub hub = context.getBean(Hub.class);
                    assertThat(hub.registry()).isNotNull();
                    var member = new Identity("ada", "member", null);
                    var authorizer = lab.yujian.core.acl.ChannelAuthorizer.of(config.policy());
                    assertThat(authorizer.canSubscribe(member, Channel.ACTIVITY)).isTrue();
                    assertThat(authorizer.canSubscribe(member, Channel.METRICS)).isFalse();
                });
    }

    @Test
    void theWildcardRoleCanBeSetFromProperties() {
        runner.withPropertyValues("yujian.acl.subscribe[*]=presence").run(context -> {
            var authorizer = lab.yujian.core.acl.ChannelAuthorizer.of(context.getBean(HubConfig.class).policy());
            var viewer = new Identity("vi", "viewer", null);
            assertThat(authorizer.canSubscribe(viewer, Channel.PRESENCE)).isTrue();
            assertThat(authorizer.canSubscribe(viewer, Channel.METRICS)).isFalse();
            assertThat(authorizer.canSubscribe(new Identity("ad", "admin", null), Channel.ACTIVITY)).isTrue();
        });
    }

    @Test
    void aBadSettingFailsStartupNamingTheField() {
        runner.withPropertyValues("yujian.abuse-limit=0").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("abuseLimit must be at least 1"));
        runner.withPropertyValues("yujian.batch.channels=metrix").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("'metrix'"));
    }

    @Test
    void channelKindsDeclaredInPropertiesReachTheHub() {
        runner.withPropertyValues("yujian.channels.instruments.ids=true",
                "yujian.channels.instruments.readers=member,moderator,admin",
                "yujian.channels.instruments.server-publishes=true",
                "yujian.channels.instruments.history-max-size=20",
                "yujian.channels.bookings.publishers=moderator",
                "yujian.batch.channels=metrics,instruments.*").run(context -> {
                    HubConfig config = context.getBean(HubConfig.class);
                    assertThat(config.channelKinds()).extracting(kind -> kind.kind().name())
                            .containsExactly("instruments", "bookings");
                    assertThat(config.history().maxSize("instruments.f1")).isEqualTo(20);
                    assertThat(config.history().maxAge("instruments.f1")).isEqualTo(Duration.ofMinutes(10));
                    Hub hub = context.getBean(Hub.class);
                    Channel freezer = hub.channel("instruments.freezer-1");
                    assertThat(freezer.kind().withIds()).isTrue();
                    assertThat(freezer.kind().payloadType()).isEqualTo(tools.jackson.databind.JsonNode.class);
                    assertThat(config.batch().batches(freezer)).isTrue();
                    ChannelKindConfig instruments = config.channelKinds().get(0);
                    assertThat(instruments.canRead("member")).isTrue();
                    assertThat(instruments.canRead("viewer")).isFalse();
                    assertThat(instruments.canPublish("admin")).isFalse();
                    ChannelKindConfig bookings = config.channelKinds().get(1);
                    assertThat(bookings.readers()).isNull();
                    assertThat(bookings.canPublish("moderator")).isTrue();
                });
    }

    @Test
    void aUsersOwnChannelKindBeanIsDeclaredBesideTheProperties() {
        ChannelKindConfig own = ChannelKindConfig.custom(ChannelKind.withIds("freezers",
                tools.jackson.databind.JsonNode.class)).readers("*").serverPublishes().build();
        runner.withBean(ChannelKindConfig.class, () -> own).withPropertyValues("yujian.channels.bookings.readers=*")
                .run(context -> {
                    assertThat(context.getBean(HubConfig.class).channelKinds()).containsExactly(
                            context.getBean(lab.yujian.spring.config.YujianProperties.class).getChannels()
                                    .get("bookings").toConfig("bookings", 1000, Duration.ofMinutes(10)), own);
                    assertThat(context.getBean(Hub.class).channel("freezers.f-9").kind()).isEqualTo(own.kind());
                });
    }

    @Test
    void aBadChannelKindPropertyFailsStartupNamingTheProperty() {
        runner.withPropertyValues("yujian.channels.Bookings.readers=*").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("yujian.channels.Bookings: Channel kind name"));
        runner.withPropertyValues("yujian.channels.metrics.readers=*").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("yujian.channels.metrics: Channel kind 'metrics' is built in"));
        runner.withPropertyValues("yujian.channels.bookings.readers=mod*").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("role 'mod*' is not a role name"));
        runner.withPropertyValues("yujian.channels.bookings.payload-type=com.example.NoSuchReading").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("yujian.channels.bookings.payload-type"));
        runner.withPropertyValues("yujian.acl.subscribe.member=instrument.*").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("'instrument.*' matches no channel"));
    }

    @Test
    void aMissingSecretFailsStartupSayingWhatToSet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(YujianHubAutoConfiguration.class, YujianSecurityAutoConfiguration.class))
                .withBean(SessionTransport.class, RecordingTransport::new)
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("set yujian.jwt.secret (JWT_SECRET, at least 32 bytes)"));
    }

    @Test
    void aSecretShorterThan32BytesFailsStartup() {
        runner.withPropertyValues("yujian.jwt.secret=short-secret").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("must be at least 32 bytes for HS256; it has 12"));
    }

    @Test
    void theDecoderAcceptsOnlyPinnedUnexpiredTokens() {
        runner.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThat(decoder.decode(TestTokens.token("ada", "member")).getSubject()).isEqualTo("ada");
            assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned("ada", "admin"))).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(TestTokens.otherAlgorithm("ada", "admin"))).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(TestTokens.withoutExpiry("ada", "admin")))
                    .isInstanceOf(JwtException.class).hasMessageContaining("exp");
        });
    }

    @Test
    void aJwkSetPropertySwitchesTheDecoderToTheIdentityProvider() {
        runner.withPropertyValues("yujian.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThatThrownBy(() -> decoder.decode(TestTokens.token("ada", "member"))).isInstanceOf(JwtException.class);
        });
    }

    @Test
    void metricsAppearWhenAMeterRegistryExistsAndObserveTheHub() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(HubMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(Hub.class).connect(new Identity("ada", "member", null));
            assertThat(registry.get("websocket.connections").tag("status", "accepted").counter().count()).isEqualTo(1);
            assertThat(registry.get("websocket.sessions").gauge().value()).isEqualTo(1);
        });
    }

    @Test
    void customizersAddToTheHubBeforeItIsBuilt() {
        runner.withBean(HubCustomizer.class, () -> builder -> builder.snapshot(lab.yujian.protocol.ChannelKind.METRICS,
                channel -> java.util.List.of("from-the-customizer"))).run(context -> {
                    Hub hub = context.getBean(Hub.class);
                    String clientId = hub.connect(new Identity("ada", "member", null)).clientId();
                    hub.subscribe(clientId, Channel.METRICS.name());
                    RecordingTransport transport = (RecordingTransport) context.getBean(SessionTransport.class);
                    assertThat(transport.repliesTo(clientId, lab.yujian.protocol.InitialDataMessage.class))
                            .singleElement().satisfies(initial ->
                                    assertThat(initial.payload().get(0).asString()).isEqualTo("from-the-customizer"));
                });
    }
}

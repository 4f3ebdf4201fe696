package lab.yujian.spring.config;

import java.time.Clock;
import lab.yujian.core.Hub;
import lab.yujian.core.SessionTransport;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.spring.security.CookieTokenHandshakeInterceptor;
import lab.yujian.spring.security.StompAuthenticator;
import lab.yujian.spring.stomp.HubChannelInterceptor;
import lab.yujian.spring.stomp.HubMessageHandlers;
import lab.yujian.spring.stomp.HubStompErrorHandler;
import lab.yujian.spring.stomp.InliningTomcatExecutor;
import lab.yujian.spring.stomp.StompDrain;
import lab.yujian.spring.stomp.StompMetrics;
import lab.yujian.spring.stomp.StompSessions;
import lab.yujian.spring.stomp.StompTransport;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over WebSocket for the hub, on the hub's own broker: the endpoint, the interceptor, the
 * {@code /app} handlers, the transport, and the container's buffers and frame limits.
 */
@AutoConfiguration(after = {YujianHubAutoConfiguration.class, YujianSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(YujianMessageBrokerConfiguration.class)
@EnableConfigurationProperties(ShutdownProperties.class)
public class YujianStompAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public StompSessions yujianStompSessions(YujianProperties properties,
                                             @Qualifier("yujianTaskScheduler")
                                             org.springframework.scheduling.TaskScheduler scheduler) {
        // Twice the STOMP limit, so that a frame just over the limit reaches the STOMP decoder, which answers it
        // with an ERROR frame before the close; beyond that the session is closed with 1009 at once
        int assemblyLimit = (int) Math.min(Integer.MAX_VALUE, properties.getMessageSizeLimit().toBytes() * 2);
        return new StompSessions(properties.getSendBufferSizeLimit().toBytes(), properties.getSendTimeLimit(),
                scheduler, assemblyLimit);
    }

    /** Closes the sessions (1012) spread over {@code yujian.shutdown.drain-window} when the context stops. */
    @Bean
    @ConditionalOnMissingBean
    public StompDrain yujianStompDrain(StompSessions sessions, ShutdownProperties shutdown) {
        return new StompDrain(sessions, shutdown.drainWindow());
    }

    @Bean
    @ConditionalOnMissingBean(SessionTransport.class)
    public StompTransport yujianStompTransport(StompSessions sessions) {
        return new StompTransport(sessions);
    }

    @Bean
    @ConditionalOnMissingBean
    public HubChannelInterceptor yujianHubChannelInterceptor(Hub hub, StompAuthenticator authenticator,
                                                             StompSessions sessions, ObjectProvider<StompMetrics> metrics) {
        return new HubChannelInterceptor(hub, authenticator, sessions, metrics.getIfAvailable(() -> StompMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    public HubMessageHandlers yujianHubMessageHandlers(Hub hub, StompSessions sessions,
                                                       ObjectProvider<StompMetrics> metrics) {
        return new HubMessageHandlers(hub, sessions, metrics.getIfAvailable(() -> StompMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    public HubStompErrorHandler yujianStompErrorHandler(MessageCodec codec, Clock clock) {
        return new HubStompErrorHandler(codec, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public HubStompConfigurer yujianStompConfigurer(YujianProperties properties, Hub hub, StompSessions sessions,
                                                    HubChannelInterceptor interceptor, HubStompErrorHandler errors,
                                                    CookieTokenHandshakeInterceptor cookies, StompDrain drain,
                                                    @Qualifier("yujianTaskScheduler")
                                                    org.springframework.scheduling.TaskScheduler scheduler) {
        return new HubStompConfigurer(properties, hub, sessions, interceptor, errors, cookies, drain, scheduler);
    }

    /**
     * The container's per-session message buffers, sized for the frames sessions really send
     * ({@code yujian.message-buffer-size}): a message that does not fit arrives in parts, which the adapter
     * assembles for that session only while it arrives. An idle session holds nothing bigger.
     */
    @Bean
    @ConditionalOnMissingBean
    public ServletServerContainerFactoryBean yujianWebSocketContainer(YujianProperties properties) {
        int buffer = (int) properties.getMessageBufferSize().toBytes();
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(buffer);
        container.setMaxBinaryMessageBufferSize(buffer);
        return container;
    }

    /**
     * Tomcat's read and write buffers per connection ({@code yujian.socket-buffer-size}, 4 KB instead of
     * 8 KB each): an idle WebSocket session keeps them for as long as it stays open. A read larger than the
     * buffer takes more than one read; a write larger than it goes to the socket directly. And the kernel's
     * send buffer ({@code yujian.socket-send-buffer}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TomcatConnectorCustomizer.class, Connector.class})
    static class TomcatSocketBuffers {

        @Bean
        TomcatConnectorCustomizer yujianSocketBuffers(YujianProperties properties) {
            String size = String.valueOf(properties.getSocketBufferSize().toBytes());
            long sendBuffer = properties.getSocketSendBuffer().toBytes();
            return connector -> {
                inlineSendCompletions(connector);
                connector.setProperty("socket.appReadBufSize", size);
                connector.setProperty("socket.appWriteBufSize", size);
                if (sendBuffer > 0) { // yujian.socket-send-buffer: SO_SNDBUF of every accepted connection
                    connector.setProperty("socket.txBufSize", String.valueOf(sendBuffer));
                }
            };
        }

        /**
         * Gives the connector Tomcat's own executor with one difference: a WebSocket send that completes at
         * once completes on the thread that wrote, not after a hand-off to the pool
         * ({@link InlineSendCompletions}). Created just before the connector starts, when every other
         * setting (threads, queue) is final; stopped with it. An executor set by someone else (Spring Boot's
         * virtual threads, say) is left alone.
         */
        private static void inlineSendCompletions(Connector connector) {
            connector.addLifecycleListener(event -> {
                if (!(connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol)
                        || "true".equals(String.valueOf(connector.getProperty("useVirtualThreads")))) {
                    return; // virtual threads hand off for nothing; Spring Boot's own sets an executor, kept below
                }
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && protocol.getExecutor() == null) {
                    protocol.setExecutor(InliningTomcatExecutor.create(protocol.getName().replace("\"", ""),
                            protocol.getMinSpareThreads(),
                            protocol.getMaxThreads(), protocol.getMaxQueueSize(), protocol.getThreadPriority()));
                } else if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType())
                        && protocol.getExecutor() instanceof InliningTomcatExecutor executor) {
                    executor.shutdownNow();
                    protocol.setExecutor(null);
                }
            });
        }
    }
}

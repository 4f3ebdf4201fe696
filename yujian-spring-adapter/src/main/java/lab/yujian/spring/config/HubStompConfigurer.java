package lab.yujian.spring.config;

import lab.yujian.core.Hub;
import lab.yujian.spring.security.AllowedOrigins;
import lab.yujian.spring.security.CookieTokenHandshakeInterceptor;
import lab.yujian.spring.stomp.HubChannelInterceptor;
import lab.yujian.spring.stomp.HubStompErrorHandler;
import lab.yujian.spring.stomp.HubWebSocketHandler;
import lab.yujian.spring.stomp.SessionOutboundExecutor;
import lab.yujian.spring.stomp.StompDestinations;
import lab.yujian.spring.stomp.StompSessions;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * Configures Spring's STOMP support for the protocol contract.
 * <ul>
 *   <li>Inbound frames are handled on the WebSocket's own thread (a synchronous inbound channel): each
 *       session's frames are handled one at a time, in order, and a client that floods the server is
 *       slowed by TCP instead of filling a queue.</li>
 *   <li>Outbound frames go through {@link SessionOutboundExecutor}: in order per session, bounded per
 *       session; a client too slow to keep up with its send buffer or send time limit is closed (4500) and
 *       recovers by sync. Spring's {@code preservePublishOrder} is left off: its per-session queue is
 *       unbounded, and the executor keeps the order instead.</li>
 * </ul>
 */
public final class HubStompConfigurer implements WebSocketMessageBrokerConfigurer {

    private final YujianProperties properties;
    private final Hub hub;
    private final StompSessions sessions;
    private final HubChannelInterceptor interceptor;
    private final HubStompErrorHandler errors;
    private final CookieTokenHandshakeInterceptor cookies;
    private final SessionOutboundExecutor outbound;
    private final TaskScheduler scheduler;

    HubStompConfigurer(YujianProperties properties, Hub hub, StompSessions sessions, HubChannelInterceptor interceptor,
                       HubStompErrorHandler errors, CookieTokenHandshakeInterceptor cookies,
                       SessionOutboundExecutor outbound, TaskScheduler scheduler) {
        this.properties = properties;
        this.hub = hub;
        this.sessions = sessions;
        this.interceptor = interceptor;
        this.errors = errors;
        this.cookies = cookies;
        this.outbound = outbound;
        this.scheduler = scheduler;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(properties.getEndpoint())
                .setAllowedOriginPatterns(AllowedOrigins.patterns(properties.getAllowedOrigins()))
                .addInterceptors(cookies);
        registry.setErrorHandler(errors);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        long heartbeat = properties.getHeartbeat().toMillis();
        registry.enableSimpleBroker(StompDestinations.TOPIC_PREFIX.substring(0, StompDestinations.TOPIC_PREFIX.length() - 1))
                .setHeartbeatValue(new long[] {heartbeat, heartbeat})
                .setTaskScheduler(scheduler);
        registry.setApplicationDestinationPrefixes(StompDestinations.APP_PREFIX);
        registry.setUserDestinationPrefix(StompDestinations.USER_PREFIX);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.executor(new SyncTaskExecutor());
        registration.interceptors(interceptor);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.executor(outbound);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // No send time or buffer limit here: Spring's decorator applies them only when two threads send to one
        // session at once, which the outbound lanes never do; the lanes enforce both limits themselves.
        registration.setMessageSizeLimit((int) properties.getMessageSizeLimit().toBytes())
                .setTimeToFirstMessage(30_000)
                .addDecoratorFactory(HubWebSocketHandler.factory(sessions, hub, errors));
    }
}

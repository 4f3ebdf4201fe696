package lab.yujian.spring.config;

import lab.yujian.core.Hub;
import lab.yujian.spring.security.AllowedOrigins;
import lab.yujian.spring.security.CookieTokenHandshakeInterceptor;
import lab.yujian.spring.stomp.HubChannelInterceptor;
import lab.yujian.spring.stomp.HubStompErrorHandler;
import lab.yujian.spring.stomp.HubWebSocketHandler;
import lab.yujian.spring.stomp.StompDestinations;
import lab.yujian.spring.stomp.StompDrain;
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
 *   <li>Outbound frames are handed to the session's own writer on the sending thread (a synchronous
 *       outbound channel): the writer keeps them in order, bounded per session, and writes without blocking
 *       anyone; a client too slow to keep up with its send buffer or send time limit is closed (4500) and
 *       recovers by sync. Spring's {@code preservePublishOrder} and its thread pool are not needed.</li>
 * </ul>
 */
public final class HubStompConfigurer implements WebSocketMessageBrokerConfigurer {

    private final YujianProperties properties;
    private final Hub hub;
    private final StompSessions sessions;
    private final HubChannelInterceptor interceptor;
    private final HubStompErrorHandler errors;
    private final CookieTokenHandshakeInterceptor cookies;
    private final StompDrain drain;
    private final TaskScheduler scheduler;

    HubStompConfigurer(YujianProperties properties, Hub hub, StompSessions sessions, HubChannelInterceptor interceptor,
                       HubStompErrorHandler errors, CookieTokenHandshakeInterceptor cookies, StompDrain drain,
                       TaskScheduler scheduler) {
        this.properties = properties;
        this.hub = hub;
        this.sessions = sessions;
        this.interceptor = interceptor;
        this.errors = errors;
        this.cookies = cookies;
        this.drain = drain;
        this.scheduler = scheduler;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(properties.getEndpoint())
                .setAllowedOriginPatterns(AllowedOrigins.patterns(properties.getAllowedOrigins()))
                .setHandshakeHandler(new HubHandshakeHandler(properties.isPerMessageDeflate()))
                .addInterceptors(drain, cookies); // a stopping node refuses handshakes (503) first
        registry.setErrorHandler(errors);
    }

    /** No broker is enabled here: the hub's own broker takes its place (see YujianMessageBrokerConfiguration). */
    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes(StompDestinations.APP_PREFIX);
        registry.setUserDestinationPrefix(StompDestinations.USER_PREFIX);
    }

    /**
     * Spring's STOMP handlers (which close whatever is left with 1001) stop only after the drain has closed
     * the sessions with 1012, and before the web server.
     */
    @Override
    public Integer getPhase() {
        return StompDrain.PHASE - 512;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.executor(new SyncTaskExecutor());
        registration.interceptors(interceptor);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.executor(new SyncTaskExecutor());
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // No send time or buffer limit here: every session writes through its ManagedWebSocketSession, which
        // enforces both limits itself, in place of Spring's ConcurrentWebSocketSessionDecorator.
        registration.setMessageSizeLimit((int) properties.getMessageSizeLimit().toBytes())
                .addDecoratorFactory(HubWebSocketHandler.factory(sessions, hub, errors, scheduler,
                        properties.getConnectTimeout()));
    }
}

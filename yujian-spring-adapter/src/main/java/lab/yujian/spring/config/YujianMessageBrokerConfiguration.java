package lab.yujian.spring.config;

import lab.yujian.core.Hub;
import lab.yujian.protocol.json.MessageCodec;
import lab.yujian.spring.stomp.HubBrokerMessageHandler;
import lab.yujian.spring.stomp.HubStompErrorHandler;
import lab.yujian.spring.stomp.StompSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.config.AbstractMessageBrokerConfiguration;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP message-broker configuration, as {@code @EnableWebSocketMessageBroker} imports it, with
 * the parts the adapter replaces deliberately. Every {@code WebSocketMessageBrokerConfigurer} bean still
 * applies, and {@code @MessageMapping}, {@code /user} destinations and the channel interceptors work as
 * usual; an application must not add {@code @EnableWebSocketMessageBroker} itself.
 * <ul>
 *   <li>The broker is the hub's {@link HubBrokerMessageHandler}, not Spring's simple broker (which is
 *       never created: the bean that would create it is replaced), so topic subscriptions and fan-out are
 *       the hub's alone.</li>
 *   <li>Sessions are not wrapped in Spring's {@code ConcurrentWebSocketSessionDecorator}: each is already a
 *       {@code ManagedWebSocketSession}, which writes without blocking and bounds what waits for it.</li>
 * </ul>
 *
 * @see AbstractMessageBrokerConfiguration
 */
@Configuration(proxyBeanMethods = false)
public class YujianMessageBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    private ObjectProvider<Hub> hub;
    private ObjectProvider<MessageCodec> codec;
    private ObjectProvider<StompSessions> sessions;
    private ObjectProvider<TaskScheduler> scheduler;
    private ObjectProvider<YujianProperties> properties;
    private ObjectProvider<HubStompErrorHandler> errors;

    /** What the broker needs, looked up when it is created (after the hub and the sessions exist). */
    @Autowired
    void setParts(ObjectProvider<Hub> hub, ObjectProvider<MessageCodec> codec, ObjectProvider<StompSessions> sessions,
                  @Qualifier("yujianTaskScheduler") ObjectProvider<TaskScheduler> scheduler,
                  ObjectProvider<YujianProperties> properties, ObjectProvider<HubStompErrorHandler> errors) {
        this.hub = hub;
        this.codec = codec;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.properties = properties;
        this.errors = errors;
    }

    @Bean
    @Override
    public AbstractBrokerMessageHandler simpleBrokerMessageHandler(AbstractSubscribableChannel clientInboundChannel,
                                                                   AbstractSubscribableChannel clientOutboundChannel,
                                                                   AbstractSubscribableChannel brokerChannel,
                                                                   UserDestinationResolver userDestinationResolver) {
        HubBrokerMessageHandler handler = new HubBrokerMessageHandler(clientInboundChannel, clientOutboundChannel,
                brokerChannel, hub.getObject(), codec.getObject(), sessions.getObject(), scheduler.getObject(),
                properties.getObject().getHeartbeat(), errors.getObject().timeoutFrame());
        handler.setPhase(getPhase());
        return handler;
    }

    @Bean
    @Override
    public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
                                                        AbstractSubscribableChannel clientOutboundChannel) {
        SubProtocolWebSocketHandler handler = new UndecoratedSubProtocolWebSocketHandler(clientInboundChannel,
                clientOutboundChannel);
        handler.setPhase(getPhase());
        return handler;
    }

    /** Keeps the session it is given: the adapter's decorator already serializes and bounds writes. */
    static final class UndecoratedSubProtocolWebSocketHandler extends SubProtocolWebSocketHandler {

        UndecoratedSubProtocolWebSocketHandler(MessageChannel clientInboundChannel,
                                               SubscribableChannel clientOutboundChannel) {
            super(clientInboundChannel, clientOutboundChannel);
        }

        @Override
        protected WebSocketSession decorateSession(WebSocketSession session) {
            return session;
        }
    }
}

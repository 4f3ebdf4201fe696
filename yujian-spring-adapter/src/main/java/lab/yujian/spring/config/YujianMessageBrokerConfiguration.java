package lab.yujian.spring.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.config.AbstractMessageBrokerConfiguration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP message-broker configuration, as {@code @EnableWebSocketMessageBroker} imports it, with
 * the parts the adapter replaces deliberately. Every {@code WebSocketMessageBrokerConfigurer} bean still
 * applies; an application must not add {@code @EnableWebSocketMessageBroker} itself.
 * <ul>
 *   <li>Sessions are not wrapped in Spring's {@code ConcurrentWebSocketSessionDecorator}: each is already a
 *       {@code ManagedWebSocketSession}, which writes without blocking and bounds what waits for it.</li>
 * </ul>
 *
 * @see AbstractMessageBrokerConfiguration
 */
@Configuration(proxyBeanMethods = false)
public class YujianMessageBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    @Bean
    @Override
    public WebSocketHandler subProtocolWebSocketHandler(
            org.springframework.messaging.support.AbstractSubscribableChannel clientInboundChannel,
            org.springframework.messaging.support.AbstractSubscribableChannel clientOutboundChannel) {
        SubProtocolWebSocketHandler handler = new UndecoratedSubProtocolWebSocketHandler(clientInboundChannel,
                clientOutboundChannel);
        handler.setPhase(getPhase());
        return handler;
    }

    /** Keeps the session it is given: the adapter's decorator already serializes and bounds writes. */
    static final class UndecoratedSubProtocolWebSocketHandler extends SubProtocolWebSocketHandler {

        UndecoratedSubProtocolWebSocketHandler(org.springframework.messaging.MessageChannel clientInboundChannel,
                                               SubscribableChannel clientOutboundChannel) {
            super(clientInboundChannel, clientOutboundChannel);
        }

        @Override
        protected WebSocketSession decorateSession(WebSocketSession session) {
            return session;
        }
    }
}

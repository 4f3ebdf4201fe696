package lab.yujian.bench.stock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Endpoint {@code /ws}, application prefix {@code /app}, and {@code /topic} on either the simple broker
 * (the default) or the RabbitMQ relay. Everything else is Spring's default, on purpose.
 */
@Configuration
@EnableWebSocketMessageBroker
public class StockBrokerConfig implements WebSocketMessageBrokerConfigurer {

    private final String broker;
    private final String relayHost;
    private final int relayPort;

    public StockBrokerConfig(@Value("${bench.broker:simple}") String broker,
                             @Value("${bench.relay-host:127.0.0.1}") String relayHost,
                             @Value("${bench.relay-port:61613}") int relayPort) {
        this.broker = broker;
        this.relayHost = relayHost;
        this.relayPort = relayPort;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        if ("relay".equals(broker)) {
            // the virtual host must be set, or the relay sends its host name, which RabbitMQ takes for a vhost
            registry.enableStompBrokerRelay("/topic").setRelayHost(relayHost).setRelayPort(relayPort)
                    .setClientLogin("guest").setClientPasscode("guest")
                    .setSystemLogin("guest").setSystemPasscode("guest").setVirtualHost("/");
        } else {
            registry.enableSimpleBroker("/topic");
        }
    }
}

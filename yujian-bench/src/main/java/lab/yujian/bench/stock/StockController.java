package lab.yujian.bench.stock;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * What a typical Spring user writes: a {@code @MessageMapping} that forwards what clients publish to the
 * topic, and a ping echoed to the sender's own topic. {@code /ready} answers 200 once the broker is
 * available (for the relay: once its system session is connected), so the bench knows when to start.
 */
@Controller
public class StockController {

    private final AtomicBoolean brokerAvailable = new AtomicBoolean();

    @MessageMapping("/publish")
    @SendTo("/topic/bench")
    public JsonNode publish(JsonNode message) {
        return message;
    }

    @MessageMapping("/ping/{id}")
    @SendTo("/topic/pong.{id}")
    public JsonNode ping(JsonNode message) {
        return message;
    }

    @EventListener
    public void on(BrokerAvailabilityEvent event) {
        brokerAvailable.set(event.isBrokerAvailable());
    }

    @GetMapping("/ready")
    @ResponseBody
    public ResponseEntity<String> ready() {
        return brokerAvailable.get() ? ResponseEntity.ok("ready")
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("broker not available");
    }
}

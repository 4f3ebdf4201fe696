package lab.yujian.bench.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The comparison every Spring user would make: a plain Spring Boot STOMP app, as the Spring guide writes
 * it, with nothing of Yu Jian's. {@code --bench.broker=relay} swaps the simple broker for the stock relay
 * to RabbitMQ's STOMP plugin. Started by the bench in a process of its own, one per scenario.
 */
@SpringBootApplication
public class StockApp {

    public static void main(String[] args) {
        SpringApplication.run(StockApp.class, args);
    }
}

package lab.instruments;

import lab.yujian.protocol.ChannelKind;
import lab.yujian.spring.config.HubCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A lab service on Yu Jian Realtime. Its channel kind {@code instruments.<id>} is declared in
 * {@code application.properties} (members and above read, only the service publishes); here it answers a
 * SUBSCRIBE with the instrument's latest reading as {@code INITIAL_DATA}.
 *
 * <p>{@code java -jar lab-instrument-service.jar} serves on {@code PORT} (3100); {@code JWT_SECRET} signs
 * the tokens ({@code sub}, {@code role}, {@code name}, {@code exp}). {@code java -jar
 * lab-instrument-service.jar token <user> <role>} prints a token for trying it.
 */
@SpringBootApplication
public class LabInstrumentServiceApplication {

    /** The kind as declared in the properties; kinds are equal by name. */
    public static final ChannelKind INSTRUMENTS = ChannelKind.withIds("instruments", Reading.class);

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(DevTokens.print(args));
        }
        SpringApplication.run(LabInstrumentServiceApplication.class, args);
    }

    /** INITIAL_DATA of {@code instruments.<id>}: the latest reading (none before the first). */
    @Bean
    HubCustomizer latestReading(LatestReadings latest) {
        return hub -> hub.snapshot(INSTRUMENTS, channel -> latest.of(channel.id()));
    }
}

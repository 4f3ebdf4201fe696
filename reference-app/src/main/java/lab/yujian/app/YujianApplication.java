package lab.yujian.app;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the dashboard. {@code --demo} seeds a few lab members and simulated activity. Without
 * {@code JWT_SECRET} a secret is generated once and kept in the data folder.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YujianApplication {

    public static void main(String[] args) {
        boolean demo = Arrays.asList(args).contains("--demo");
        String[] rest = Arrays.stream(args).filter(arg -> !arg.equals("--demo")).toArray(String[]::new);
        SpringApplication application = new SpringApplication(YujianApplication.class);
        application.setDefaultProperties(LocalDefaults.resolve(System.getenv(), demo));
        application.run(rest);
    }
}

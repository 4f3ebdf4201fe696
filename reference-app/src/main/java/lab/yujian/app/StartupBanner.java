package lab.yujian.app;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints the URL to open once the app is ready. */
@Component
public class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final AppProperties app;

    public StartupBanner(AppProperties app) {
        this.app = app;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String url = app.publicUrl();
        if ((url == null || url.isBlank()) && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            url = "http://localhost:" + web.getWebServer().getPort() + "/";
        }
        System.out.println("\n  Yu Jian is running: open " + url + "\n  (data in " + app.dataDir()
                + (app.demo() ? "; demo members sign in with the password 'demo-password'" : "") + ")\n");
    }
}

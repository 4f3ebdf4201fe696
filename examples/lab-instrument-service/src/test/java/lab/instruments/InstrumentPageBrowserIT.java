package lab.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import lab.yujian.spring.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one-page view in real Chromium: it connects with the client package and shows the live temperature. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yujian.jwt.secret=" + TestTokens.SECRET)
class InstrumentPageBrowserIT {

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("instrument-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=900,700");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String token(String role) {
        return DevTokens.sign(TestTokens.SECRET, "ada", role, "Ada Lovelace", Instant.now());
    }

    private String state() {
        return driver.findElement(By.id("state")).getAttribute("data-state");
    }

    @Test
    void aMemberSeesTheTemperatureLiveWithAChart() {
        driver.get("http://localhost:" + port + "/#token=" + token("member"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "connected".equals(state()));
        WebElement temperature = driver.findElement(By.id("temperature"));
        wait.until(d -> temperature.getText().matches("-\\d+\\.\\d"));
        double shown = Double.parseDouble(temperature.getText());
        assertThat(shown).isBetween(-86.0, -74.0);
        String readAt = driver.findElement(By.id("read-at")).getText();
        wait.until(d -> !driver.findElement(By.id("read-at")).getText().equals(readAt));
        wait.until(d -> driver.findElement(By.cssSelector("#chart polyline")).getAttribute("points").split(" ").length >= 2);
        assertThat(driver.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");
    }

    @Test
    void aViewerIsToldTheirRoleMayNotReadTheInstruments() {
        driver.get("http://localhost:" + port + "/#token=" + token("viewer"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        WebElement problem = driver.findElement(By.id("problem"));
        wait.until(d -> problem.isDisplayed());
        assertThat(problem.getText()).contains("may not read the instruments");
    }

    @Test
    void aBadTokenEndsInAskingForANewOne() {
        driver.get("http://localhost:" + port + "/#token=not-a-token");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> "gaveUp".equals(state()));
        assertThat(driver.findElement(By.id("problem")).getText()).contains("token was refused");
    }
}

package lab.yujian.app.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium with its own profile (so its own cookies), driven through Selenium. */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("yujian-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Browser() throws IOException {
        this(1280, 900);
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Signs in through the login form and waits for the dashboard's live connection. */
    Browser signIn(String url, String username, String password) {
        open(url);
        type("login-username", username);
        type("login-password", password);
        byTestId("login-submit").click();
        waitForState("connected", Duration.ofSeconds(20));
        return this;
    }

    WebElement byTestId(String id) {
        return waitUntil(Duration.ofSeconds(10), () -> first(By.cssSelector("[data-testid='" + id + "']")));
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    void type(String testId, String text) {
        WebElement input = byTestId(testId);
        input.clear();
        input.sendKeys(text);
    }

    /** The connection state shown ({@code connected}, {@code reconnecting}, ...). */
    String connectionState() {
        WebElement status = first(By.cssSelector("[data-testid='connection-status']"));
        return status == null ? "" : status.getAttribute("data-state");
    }

    String connectionText() {
        WebElement status = first(By.cssSelector("[data-testid='connection-status']"));
        return status == null ? "" : status.getText();
    }

    void waitForState(String state, Duration timeout) {
        waitUntil(timeout, () -> state.equals(connectionState()) ? Boolean.TRUE : null);
    }

    /** Waits until {@code probe} returns non-null, and returns that. */
    <T> T waitUntil(Duration timeout, java.util.function.Supplier<T> probe) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(d -> probe.get());
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    private WebElement first(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder; the OS cleans it in the end
        }
    }
}

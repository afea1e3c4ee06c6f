package org.healthcode.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through its own chromedriver (the two
 * packages' versions always match), as a phone's web view (375 x 667) or a desk's window.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Chinese text in the screenshots (without it every character is a box; the assertions do not need it). */
    static final Path CJK_FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** How long a page may take to show what a step expects (a loaded machine, a Kafka round trip). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Installs Chromium and its driver from Debian's packages when they are missing; fails (never
     * skips) when that is not possible.
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM) && Files.exists(CJK_FONT)) {
            return;
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("apt-get-chromium.log");
        for (List<String> command : List.of(List.of("apt-get", "install", "-y", "chromium", "chromium-driver", "fonts-noto-cjk"),
                List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "chromium", "chromium-driver", "fonts-noto-cjk"))) {
            try {
                Process apt = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                if (!apt.waitFor(10, TimeUnit.MINUTES)) {
                    apt.destroyForcibly();
                }
            } catch (IOException noAptGet) {
                break;
            }
            if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
                return;
            }
        }
        throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver) and could not install them; see " + log.toAbsolutePath());
    }

    static Browser phone() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 375, "height", 667, "pixelRatio", 2.0), "userAgent",
                "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36"));
        return new Browser(start(options));
    }

    static Browser desk() {
        ChromeOptions options = options();
        options.addArguments("--window-size=1280,900");
        return new Browser(start(options));
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN");
        // the page's console, for a failure's message
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Opens a page of the gateway and signs in on Keycloak's own login page. */
    Browser signIn(String pageUrl, String username, String password) {
        driver.get(pageUrl);
        WebElement user = waitFor(By.id("username"));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        // back on the page, signed in: its header has the sign-out button
        try {
            waitFor(By.id("sign-out"));
        } catch (TimeoutException e) {
            throw new AssertionError("not signed in at " + driver.getCurrentUrl() + "; the page's console: "
                    + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    WebElement waitForPresent(By what) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    void type(String id, String text) {
        WebElement input = waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value as a picker would (date inputs' typing depends on the locale). */
    void set(String id, String value) {
        WebElement input = waitForPresent(By.id(id));
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
    }

    /** Chooses an option by its value, once the select has it (region lists are filled as the user picks). */
    void choose(String id, String value) {
        WebElement select = waitFor(By.id(id));
        new WebDriverWait(driver, PATIENCE).until(d -> !select.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty());
        new Select(select).selectByValue(value);
    }

    void region(String idPrefix, String province, String city, String county) {
        choose(idPrefix + "-province", province);
        choose(idPrefix + "-city", city);
        choose(idPrefix + "-county", county);
    }

    void click(String id) {
        click(waitFor(By.id(id)));
    }

    /** Clicks as a finger would: the element brought to the middle of the screen, clear of the sticky header. */
    void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    byte[] screenshotOf(By what) {
        return waitFor(what).getScreenshotAs(OutputType.BYTES);
    }

    /** The whole window as it is, into target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a failure's report: a screenshot named {@code name}, and the page's address, message and console. */
    String whatItShows(String name) {
        try {
            screenshot("failed-" + name);
            List<WebElement> message = driver.findElements(By.id("message"));
            return driver.getCurrentUrl() + " message: " + (message.isEmpty() ? "" : message.get(0).getText())
                    + " text: " + driver.findElement(By.tagName("main")).getText()
                    + " console: " + driver.manage().logs().get(LogType.BROWSER).getAll();
        } catch (RuntimeException e) {
            return "(page unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

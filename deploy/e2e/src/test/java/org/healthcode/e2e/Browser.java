package org.healthcode.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
        return new Browser(start(phoneOptions()));
    }

    /**
     * A phone whose camera films {@code video} (a Y4M or MJPEG file, played in a loop) instead of
     * the world; the page is allowed to use it without asking (Chromium's fake capture device).
     */
    static Browser phoneFilming(Path video) {
        ChromeOptions options = phoneOptions();
        options.addArguments("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
        return new Browser(start(options));
    }

    /**
     * A film for {@link #phoneFilming}: {@code picture} (a PNG) held up in the middle of a 640 x 480
     * white frame, {@code size} pixels across, as uncompressed Y4M (4:2:0, grey: the colour planes
     * neutral), ten frames a second for a second.
     */
    static Path filmOf(byte[] picture, int size, Path film) throws IOException {
        int width = 640;
        int height = 480;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
        double scale = Math.min((double) size / image.getWidth(), (double) size / image.getHeight());
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        // nearest neighbour: every module stays a sharp block of 6 or 7 pixels; a smoothed resample left some codes
        // (which depends on the token drawn) unreadable to the page's decoder for good
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = frame.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                luma[y * width + x] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
            }
        }
        byte[] chroma = new byte[width / 2 * (height / 2)];
        Arrays.fill(chroma, (byte) 128);
        Files.createDirectories(film.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(film))) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return film;
    }

    static Browser desk() {
        ChromeOptions options = options();
        options.addArguments("--window-size=1280,900");
        return new Browser(start(options));
    }

    private static ChromeOptions phoneOptions() {
        ChromeOptions options = options();
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 375, "height", 667, "pixelRatio", 2.0), "userAgent",
                "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36"));
        return options;
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

    /** Waits until the condition answers something other than null or false, and answers that. */
    <T> T until(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition::apply);
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

    /**
     * An image as the screen shows it once its picture has loaded and been painted: a page sets an
     * image's address and its colour at once, and the picture arrives a moment later (on a busy
     * machine, long enough for a screenshot of the empty frame, or of the previous code).
     */
    byte[] pictureOf(By image) {
        WebElement element = waitFor(image);
        until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", element)));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()))");
        return element.getScreenshotAs(OutputType.BYTES);
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
                    // what the page concluded, below the fold included: colours and decisions, nobody's name
                    + " verdicts: " + ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                    + "'[data-colour],[data-decision]')].map(e => (e.id || e.className) + '=' + (e.dataset.colour || '')"
                    + " + '/' + (e.dataset.decision || '')).join(' ')")
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

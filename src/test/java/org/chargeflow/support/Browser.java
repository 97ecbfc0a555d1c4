package org.chargeflow.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) driven by Selenium.
 * Where they are not installed, browser tests are skipped with that reason.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public static Browser open() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            return new Browser(new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the size of the whole window (e.g. for screenshots of a known size). */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Waits (bounded) until the condition holds, e.g. {@code ExpectedConditions.attributeToBe(...)}. */
    public <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement clickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Scrolls the element to the middle of the window first, clear of fixed headers and footers. */
    public void click(By locator) {
        WebElement element = clickable(locator);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        clickable(locator).click();
    }

    /** Scrolls the element (and any scrolling box it is in) so that it is at the top, e.g. to frame a screenshot. */
    public void scrollTo(By locator) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", visible(locator));
    }

    /**
     * Types into the field and waits until it still holds the text at the next look: a form that is
     * still rendering (Tasklist's Camunda Forms on a busy machine) may replace the field and drop it.
     */
    public void type(By locator, String text) {
        wait.until(d -> {
            WebElement field = visible(locator);
            if (text.equals(field.getDomProperty("value"))) {
                return true;
            }
            field.clear();
            field.sendKeys(text);
            return false;
        });
    }

    /** Logs into the Camunda webapps' login form shown now, and waits until it is gone. */
    public void logIntoCamunda(String user, String password) {
        type(By.cssSelector("input[placeholder='Username']"), user);
        type(By.cssSelector("input[type='password']"), password);
        clickable(By.xpath("//button[normalize-space()='Log in']")).click();
        waitUntilGone(By.cssSelector("input[type='password']"));
    }

    public void waitUntilGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    public boolean isShown(By locator) {
        return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    public String title() {
        return driver.getTitle();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a PNG of what the browser shows (for docs/ or to see why a test failed). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot and the page source, to see why a test failed. */
    public void saveFailure(Path withoutExtension) {
        screenshot(withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png"));
        try {
            Files.writeString(withoutExtension.resolveSibling(withoutExtension.getFileName() + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

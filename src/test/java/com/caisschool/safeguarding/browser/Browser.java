package com.caisschool.safeguarding.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so that Selenium
 * downloads nothing. Headless, with a fresh profile each time and no background traffic (this
 * machine reaches no outside host). When the packages are missing the test fails and says what to
 * install: a browser suite that skips itself proves nothing.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  final ChromeDriver driver;
  private final Path profile;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, WAIT);
    // A notification Tasklist shows for a few seconds may cover an element: the click is retried.
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
  }

  /** Fails with the install command when Chromium or its driver is not installed. */
  static void requireInstalled() {
    requireInstalled(CHROMIUM, CHROMEDRIVER);
  }

  static void requireInstalled(Path chromium, Path chromedriver) {
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      throw new AssertionError("The browser suite needs Debian's Chromium and ChromeDriver at " + chromium
          + " and " + chromedriver + ". Install them with: apt-get install -y chromium chromium-driver");
    }
  }

  static Browser start() {
    requireInstalled();
    try {
      Path profile = Files.createTempDirectory("safeguarding-browser-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
          "--user-data-dir=" + profile);
      // What the page logged and requested, kept with the evidence of a failed step.
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  void click(By by) {
    // Tasklist redraws a list when it refreshes it: an element found a moment ago may have been
    // replaced before the click (stale), so finding and clicking are retried together.
    wait.until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
      if (element == null) {
        return false;
      }
      // Tasklist's fixed footer may cover an element near the bottom of the form.
      this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  void type(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  /** A screenshot for the README (docs/images) or for a failure report (target/browser). */
  void screenshot(Path target) {
    try {
      Files.createDirectories(target.getParent());
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the page looked like when a step failed, under target/browser: a screenshot, its HTML, the
   * browser console and every request with its status (a blocked script shows as FAILED).
   */
  void keepEvidence(String name) {
    try {
      screenshot(Path.of("target", "browser", name + ".png"));
      Files.writeString(Path.of("target", "browser", name + ".html"), driver.getPageSource());
      writeLogs(name);
    } catch (RuntimeException | IOException e) {
      // The original failure matters more than its evidence.
    }
  }

  /** The browser's console and a line per network request (status, or what it still waits for). */
  void writeLogs(String name) throws IOException {
    var json = new ObjectMapper();
    StringBuilder console = new StringBuilder();
    driver.manage().logs().get("browser").forEach(entry -> console.append(entry).append('\n'));
    Files.writeString(Path.of("target", "browser", name + "-console.log"), console);
    Map<String, String> requests = new LinkedHashMap<>();
    for (var entry : driver.manage().logs().get("performance")) {
      var message = json.readTree(entry.getMessage()).path("message");
      var params = message.path("params");
      String id = params.path("requestId").asText();
      switch (message.path("method").asText()) {
        case "Network.requestWillBeSent" -> requests.put(id, entry.getTimestamp() + " PENDING "
            + params.path("request").path("method").asText() + " " + params.path("request").path("url").asText());
        case "Network.responseReceived" -> requests.computeIfPresent(id, (k, line) -> line.replace(" PENDING ",
            " " + params.path("response").path("status").asInt() + " "));
        case "Network.loadingFailed" -> requests.computeIfPresent(id, (k, line) -> line.replace(" PENDING ",
            " FAILED(" + params.path("errorText").asText() + ") "));
        default -> { }
      }
    }
    Files.writeString(Path.of("target", "browser", name + "-network.log"), String.join("\n", requests.values()));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A temporary profile left behind is harmless.
      }
    }
  }
}

package io.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (both from apt, installed by
 * scripts/prerequisites.sh), with a fresh profile and nothing that calls home, so a test sees the
 * page as a first-time visitor on a machine without internet. Screenshots go to {@code
 * target/screenshots}.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Starts Chromium with a window of the given size and the given UI language (e.g. "en-US"). */
  public static HeadlessChromium start(int width, int height, String language) throws IOException {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "headless Chromium is needed: apt-get install chromium chromium-driver"
              + " (scripts/test.sh does it)");
    }
    Path profile = Files.createTempDirectory("switchboard-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=" + language,
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new HeadlessChromium(profile, driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Saves the whole page (not only the window) as {@code target/screenshots/<name>.png}: the window
   * grows to the page's height for the shot and then returns to its size.
   */
  public Path screenshot(String name) {
    Dimension window = driver.manage().window().getSize();
    try {
      Files.createDirectories(SCREENSHOTS);
      Number height =
          (Number)
              driver.executeScript(
                  "return Math.ceil(document.documentElement.scrollHeight"
                      + " + window.outerHeight - window.innerHeight)");
      driver.manage().window().setSize(new Dimension(window.width, height.intValue()));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  /** Saves what the window shows now as {@code target/screenshots/<name>.png}. */
  public Path viewport(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp profile is harmless
      }
    }
  }
}

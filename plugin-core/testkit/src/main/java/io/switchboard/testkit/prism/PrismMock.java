package io.switchboard.testkit.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local Stoplight Prism ({@value #PRISM_VERSION}) mocking the WhatsApp Cloud API from Meta's
 * published OpenAPI contract, with request validation on ({@code prism mock --errors}): a request
 * the real API would reject for its shape gets 4xx (422 for a bad body, 401 without a bearer
 * token), a valid one gets the spec's example response. It listens on 127.0.0.1 on a free port.
 *
 * <p>Use it as a JUnit 5 extension in an {@code *IT} (it starts before the class's tests and stops
 * after them):
 *
 * <pre>{@code
 * @RegisterExtension static final PrismMock PRISM = PrismMock.whatsAppCloud();
 * ... config "graphApiBaseUrl" = PRISM.baseUrl()   // http://127.0.0.1:<port>/v23.0
 * }</pre>
 *
 * <p>Prism is a Node.js program: the first start installs the pinned version with {@code npm} into
 * {@link #prismHome()} (system property {@code switchboard.prism.home}, else environment variable
 * {@code SWITCHBOARD_PRISM_HOME}, else {@code ~/.cache/switchboard/prism}); later starts reuse it
 * (it is reinstalled when the installed version differs). Needs {@code node} (18 or later) and
 * {@code npm} on the PATH.
 */
public final class PrismMock implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  /** The Prism version installed and started. */
  public static final String PRISM_VERSION = "5.14.2";

  /** The Graph API version of the bundled WhatsApp contract. */
  public static final String WHATSAPP_API_VERSION = "v23.0";

  private static final String WHATSAPP_SPEC = "/contracts/whatsapp-cloud/openapi.prism.yaml";
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long INSTALL_TIMEOUT_SECONDS = 600;
  private static final int KEPT_OUTPUT_LINES = 200;

  private final String specResource;
  private final Deque<String> output = new ArrayDeque<>();
  private Process process;
  private int port;
  private Path workDir;

  private PrismMock(String specResource) {
    this.specResource = specResource;
  }

  /** A (not yet started) mock of the WhatsApp Cloud API v23.0. */
  public static PrismMock whatsAppCloud() {
    return new PrismMock(WHATSAPP_SPEC);
  }

  /**
   * Installs Prism if needed and starts it; returns once Prism says it is listening.
   *
   * @throws IllegalStateException when Prism cannot be installed or does not come up, with its
   *     output
   */
  public synchronized PrismMock start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    try {
      Path prism = installedPrism();
      workDir = Files.createTempDirectory("switchboard-prism-");
      Path spec = workDir.resolve("openapi.yaml");
      try (InputStream in = PrismMock.class.getResourceAsStream(specResource)) {
        if (in == null) {
          throw new IllegalStateException(
              "spec resource missing from the test kit: " + specResource);
        }
        Files.copy(in, spec, StandardCopyOption.REPLACE_EXISTING);
      }
      port = freePort();
      process =
          new ProcessBuilder(
                  prism.toString(),
                  "mock",
                  "--errors",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port),
                  spec.toString())
              .redirectErrorStream(true)
              .start();
      CompletableFuture<Void> listening = watchOutput(process);
      listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return this;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("could not start Prism", e);
    } catch (ExecutionException | TimeoutException e) {
      String log = recentOutput();
      close();
      throw new IllegalStateException(
          "Prism did not start listening within "
              + START_TIMEOUT_SECONDS
              + " s ("
              + e.getMessage()
              + "); its output:\n"
              + log,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting Prism", e);
    }
  }

  /** The server's root, e.g. {@code http://127.0.0.1:41234}. */
  public String rootUrl() {
    if (process == null) {
      throw new IllegalStateException("Prism is not started");
    }
    return "http://127.0.0.1:" + port;
  }

  /**
   * The Graph API base URL to configure a WhatsApp connector with ({@code graphApiBaseUrl}), e.g.
   * {@code http://127.0.0.1:41234/v23.0}: the spec's paths start with {@code /{Version}}.
   */
  public String baseUrl() {
    return rootUrl() + "/" + WHATSAPP_API_VERSION;
  }

  /** The port Prism listens on (127.0.0.1). */
  public int port() {
    rootUrl();
    return port;
  }

  /**
   * Prism's latest output lines (it logs each request and every validation violation), for
   * assertion messages when a request was unexpectedly rejected.
   */
  public String recentOutput() {
    // Prism prints one line per request and, with --errors, the violations behind a 422.
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Stops Prism (and the Node processes it started) and removes its temporary files. */
  @Override
  public synchronized void close() {
    if (process != null) {
      List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
      children.forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      process = null;
    }
    if (workDir != null) {
      try (var files = Files.walk(workDir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp directory is harmless
      }
      workDir = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Where Prism is (or will be) installed. */
  public static Path prismHome() {
    String configured = System.getProperty("switchboard.prism.home");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("SWITCHBOARD_PRISM_HOME");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "switchboard", "prism");
  }

  private static Path installedPrism() throws IOException, InterruptedException {
    Path home = prismHome();
    Path bin = home.resolve("node_modules").resolve(".bin").resolve("prism");
    Path manifest =
        home.resolve("node_modules/@stoplight/prism-cli/package.json"); // holds the version
    if (Files.isExecutable(bin)
        && Files.isRegularFile(manifest)
        && Files.readString(manifest, StandardCharsets.UTF_8)
            .contains("\"version\": \"" + PRISM_VERSION + "\"")) {
      return bin;
    }
    Files.createDirectories(home);
    Path log = home.resolve("npm-install.log");
    Process npm;
    try {
      npm =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--prefix",
                  home.toString(),
                  "--save-exact",
                  "--no-audit",
                  "--no-fund",
                  "--loglevel=error",
                  "@stoplight/prism-cli@" + PRISM_VERSION)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Prism is not installed in " + home + " and npm could not be run (install Node.js 18+)",
          e);
    }
    if (!npm.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      npm.destroyForcibly();
      throw new IllegalStateException("npm install of Prism timed out; see " + log);
    }
    if (npm.exitValue() != 0 || !Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "npm install of Prism failed (exit "
              + npm.exitValue()
              + "): "
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return bin;
  }

  /**
   * Keeps Prism's output (stdout must be drained or Prism blocks) and completes when it logs that
   * it listens; fails if the output ends first. The reading thread ends with the process.
   */
  private CompletableFuture<Void> watchOutput(Process prism) {
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  keep(line);
                  if (line.contains("Prism is listening")) {
                    listening.complete(null);
                  }
                }
              } catch (IOException e) {
                // the stream closes when the process is stopped
              }
              listening.completeExceptionally(
                  new IllegalStateException("Prism exited before listening"));
            },
            "prism-output-" + port);
    reader.setDaemon(true);
    reader.start();
    return listening;
  }

  private void keep(String line) {
    synchronized (output) {
      output.addLast(line);
      while (output.size() > KEPT_OUTPUT_LINES) {
        output.removeFirst();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return process == null ? "PrismMock[stopped]" : "PrismMock[" + rootUrl() + "]";
  }
}

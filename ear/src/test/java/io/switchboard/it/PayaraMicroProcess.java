package io.switchboard.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code switchboard.war} on a Payara Micro process of its own, for tests that must kill the server
 * ({@code kill -9}) and start it again, which Arquillian cannot do.
 */
public final class PayaraMicroProcess implements AutoCloseable {
  private final int port;
  private final Map<String, String> properties;
  private final Path log;
  private Process process;

  public PayaraMicroProcess(int port, Map<String, String> properties) throws IOException {
    this.port = port;
    this.properties = properties;
    this.log = Files.createTempFile("payara-micro-" + port, ".log");
  }

  /** Starts the server and waits until the application is ready. */
  public PayaraMicroProcess start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar"),
            "--deploy",
            System.getProperty("switchboard.war"),
            "--port",
            String.valueOf(port),
            "--nocluster"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitReady(Duration.ofSeconds(180));
    return this;
  }

  private void awaitReady(Duration timeout) throws InterruptedException, IOException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    String lastAnswer = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited:\n" + tail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/plugins"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 404 && r.statusCode() < 500) {
          return; // the application answers (401 without a token is fine)
        }
        lastAnswer = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException notYet) {
        lastAnswer = notYet.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Payara Micro not ready in " + timeout + " (last answer: " + lastAnswer + "):\n" + tail());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/switchboard";
  }

  /** Ends the JVM at once, like {@code kill -9}: no shutdown hooks, no graceful stop. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  public File logFile() {
    return log.toFile();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}

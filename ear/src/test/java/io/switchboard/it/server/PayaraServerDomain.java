package io.switchboard.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Payara Server domain of the test's own, driven with {@code asadmin} the way an administrator
 * would: create it on free ports, start it, give it system properties, deploy, and remove it all
 * again. Every command has a timeout; a failing command throws with its output.
 */
final class PayaraServerDomain {
  /** Offsets from the port base that {@code create-domain --portbase} uses (HTTP is +80). */
  private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

  private final Path home;
  private final String name;
  private final int portBase;

  private PayaraServerDomain(Path home, String name, int portBase) {
    this.home = home;
    this.name = name;
    this.portBase = portBase;
  }

  /**
   * Creates the domain {@code name} in the Payara installation {@code home} on the first port base
   * from {@code firstPortBase} (in steps of 100) whose ports are all free. A domain of the same
   * name left over by an interrupted run is stopped and deleted first.
   */
  static PayaraServerDomain create(Path home, String name, int firstPortBase) {
    if (!Files.isExecutable(home.resolve("bin/asadmin"))) {
      throw new IllegalStateException("no Payara Server at " + home + " (bin/asadmin missing)");
    }
    PayaraServerDomain leftover = new PayaraServerDomain(home, name, 0);
    if (Files.isDirectory(leftover.directory())) {
      leftover.stop();
      leftover.asadmin(Duration.ofMinutes(1), "delete-domain", name);
    }
    PayaraServerDomain domain = new PayaraServerDomain(home, name, freePortBase(firstPortBase));
    domain.asadmin(
        Duration.ofMinutes(3),
        "create-domain",
        "--nopassword=true",
        "--portbase",
        String.valueOf(domain.portBase),
        name);
    return domain;
  }

  void start() {
    asadmin(Duration.ofMinutes(4), "start-domain", name);
  }

  /** System properties of the server (MicroProfile Config reads them), set while it runs. */
  void setSystemProperties(Map<String, String> properties) {
    String joined =
        properties.entrySet().stream()
            .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
            .collect(Collectors.joining(":"));
    remote(Duration.ofMinutes(1), "create-system-properties", joined);
  }

  /** Deploys an archive under an application name (an EAR keeps its application.xml roots). */
  void deploy(Path archive, String applicationName) {
    remote(Duration.ofMinutes(5), "deploy", "--name", applicationName, archive.toString());
  }

  /** The output of {@code list-sub-components}: the modules of a deployed application. */
  String subComponents(String applicationName) {
    return remote(Duration.ofMinutes(1), "list-sub-components", applicationName);
  }

  void undeploy(String applicationName) {
    remote(Duration.ofMinutes(2), "undeploy", applicationName);
  }

  /**
   * Stops the server; if {@code stop-domain} fails, forces it, and as a last resort kills the
   * process recorded in this domain's pid file (only if its command line names this domain).
   */
  void stop() {
    try {
      asadmin(Duration.ofMinutes(2), "stop-domain", name);
    } catch (RuntimeException e) {
      System.err.println("stop-domain failed, forcing: " + e.getMessage());
      try {
        asadmin(Duration.ofMinutes(1), "stop-domain", "--kill=true", name);
      } catch (RuntimeException ignored) {
        // the pid file below is the last resort
      }
    }
    serverProcess().ifPresent(ProcessHandle::destroyForcibly);
  }

  void delete() {
    asadmin(Duration.ofMinutes(1), "delete-domain", name);
  }

  URI http(String path) {
    return URI.create("http://127.0.0.1:" + (portBase + 80) + path);
  }

  int portBase() {
    return portBase;
  }

  Path directory() {
    return home.resolve("glassfish/domains").resolve(name);
  }

  /** The last lines of the server log, for failure reports. */
  String serverLogTail(int lines) {
    Path log = directory().resolve("logs/server.log");
    if (!Files.exists(log)) {
      return "(no server log at " + log + ")";
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(server log unreadable: " + e.getMessage() + ")";
    }
  }

  private Optional<ProcessHandle> serverProcess() {
    Path pidFile = directory().resolve("config/pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(cmd -> cmd.contains(directory().toString()))
                      .orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String remote(Duration timeout, String... command) {
    List<String> withPort = new ArrayList<>(List.of("--port", String.valueOf(portBase + 48)));
    withPort.addAll(List.of(command));
    return asadmin(timeout, withPort.toArray(String[]::new));
  }

  /** Runs asadmin, returns its output; throws with the output on failure or timeout. */
  private String asadmin(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    String shown = String.join(" ", command);
    try {
      // output to a file, not a pipe: start-domain leaves a server running that inherits it
      Path output = Files.createTempFile("asadmin", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new IllegalStateException(
              "timed out after " + timeout + ": " + shown + "\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              "exit " + process.exitValue() + ": " + shown + "\n" + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(shown, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + shown, e);
    }
  }

  /** asadmin separates properties with ':' and names from values with '='. */
  private static String escape(String text) {
    return text.replace(":", "\\:").replace("=", "\\=");
  }

  private static int freePortBase(int first) {
    for (int base = first; base < 60_000; base += 100) {
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("no free port base from " + first);
  }

  private static boolean allFree(int base) {
    for (int offset : PORT_OFFSETS) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(base + offset));
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}

package io.switchboard.sandbox.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: {@code java -jar whatsapp-sandbox.jar [--flag=value ...]}; {@code
 * --help} lists the flags and their environment variables.
 */
public final class SandboxMain {
  private SandboxMain() {}

  /** Starts the sandbox and runs until the process is stopped (Ctrl+C). */
  public static void main(String[] args) throws InterruptedException {
    // The JDK's HTTP server leaves Nagle's algorithm on: with delayed ACKs every Graph API answer
    // waited about 40 ms (bench/governor.sh). Must be set before the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(SandboxConfig.usage());
      return;
    }
    SandboxConfig config;
    try {
      config = SandboxConfig.from(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("whatsapp-sandbox: " + e.getMessage());
      System.err.print(SandboxConfig.usage());
      System.exit(2);
      return;
    }
    SandboxServer server;
    try {
      server = SandboxServer.start(config, Clock.systemUTC());
    } catch (IOException e) {
      System.err.println(
          "whatsapp-sandbox: cannot listen on "
              + config.bindAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    printBanner(config, server);
    stopped.await();
  }

  private static void printBanner(SandboxConfig config, SandboxServer server) {
    System.out.println("WhatsApp Cloud API sandbox (demo tool, plays Meta's side)");
    System.out.println("  Phone page:        " + server.pageUrl());
    System.out.println("  Graph API for the bridge: graphApiBaseUrl=" + server.graphApiBaseUrl());
    System.out.println("  Webhooks go to:    " + config.webhookUrl());
    System.out.println("  phoneNumberId:     " + config.phoneNumberId());
    System.out.println(
        "  read receipts:     " + config.readReceipts().name().toLowerCase(java.util.Locale.ROOT));
    if (config.usesDemoSecrets()) {
      System.out.println(
          "  Note: using the demo app secret and/or access token from the README;"
              + " set --app-secret/--access-token for anything but a local demo.");
    }
    System.out.flush();
  }
}

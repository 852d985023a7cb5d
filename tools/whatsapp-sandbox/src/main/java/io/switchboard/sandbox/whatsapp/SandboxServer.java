package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running sandbox: one HTTP server for the phone page, the sandbox API and the Graph API, plus
 * the threads that deliver webhooks. {@link #close()} stops all of it.
 *
 * <p>Example: {@code try (SandboxServer s = SandboxServer.start(config, Clock.systemUTC())) {...}}
 */
public final class SandboxServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
  private static final long HEARTBEAT_SECONDS = 15;

  private final HttpServer server;
  private final ExecutorService requestThreads;
  private final ExecutorService webhookThreads;
  private final ScheduledExecutorService scheduler;
  private final EventStream events;

  private SandboxServer(
      HttpServer server,
      ExecutorService requestThreads,
      ExecutorService webhookThreads,
      ScheduledExecutorService scheduler,
      EventStream events) {
    this.server = server;
    this.requestThreads = requestThreads;
    this.webhookThreads = webhookThreads;
    this.scheduler = scheduler;
    this.events = events;
  }

  /**
   * Binds the configured address and port and starts serving.
   *
   * @throws IOException if the port cannot be bound
   */
  public static SandboxServer start(SandboxConfig config, Clock clock) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 50);
    ExecutorService requestThreads = Executors.newCachedThreadPool(threads("sandbox-http"));
    ExecutorService webhookThreads = Executors.newCachedThreadPool(threads("sandbox-webhook"));
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(threads("sandbox-scheduler"));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.webhookTimeout())
            .executor(webhookThreads)
            .build();

    ChatLog log = new ChatLog(clock, new WamidSource());
    EventStream events = new EventStream();
    log.onChange(events::publish);
    WhatsAppWebhookPayloads payloads = new WhatsAppWebhookPayloads(config);
    WebhookSender sender = new WebhookSender(config, client, scheduler);
    SandboxStats stats = new SandboxStats();
    StatusProgression statuses =
        new StatusProgression(config, clock, log, payloads, sender, scheduler, stats);
    MediaStore media = new MediaStore(clock, config.mediaUrlTtl());
    TemplateStore templates = new TemplateStore();
    CustomerWindows windows = new CustomerWindows();
    Faults faults = new Faults();
    GraphApiEndpoint graph =
        graphApi(config, clock, log, statuses, media, templates, windows, faults, stats);
    TrackedWebhooks webhooks = new TrackedWebhooks(config, log, sender);
    SandboxApi api =
        new SandboxApi(
            config,
            log,
            statuses,
            events,
            media,
            new CustomerMessageApi(
                config, log, windows, new CustomerMessageParser(media), payloads, webhooks),
            new BusinessAppApi(log, payloads, webhooks),
            new TemplatesApi(templates, payloads, webhooks),
            new TestHooksApi(clock, faults, media, stats, windows));
    PhonePage page = new PhonePage();

    server.createContext("/sandbox/api/", exchange -> guarded(exchange, api::handle));
    server.createContext(
        "/",
        exchange ->
            guarded(
                exchange,
                GraphApiEndpoint.handles(exchange.getRequestURI().getPath())
                    ? graph::handle
                    : page::handle));
    server.setExecutor(requestThreads);
    server.start();
    scheduler.scheduleAtFixedRate(
        events::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    return new SandboxServer(server, requestThreads, webhookThreads, scheduler, events);
  }

  private static GraphApiEndpoint graphApi(
      SandboxConfig config,
      Clock clock,
      ChatLog log,
      StatusProgression statuses,
      MediaStore media,
      TemplateStore templates,
      CustomerWindows windows,
      Faults faults,
      SandboxStats stats) {
    GraphMessagesHandler messages =
        new GraphMessagesHandler(
            config,
            clock,
            log,
            statuses,
            new OutboundContentParser(media, log),
            new TemplateMessageValidator(templates),
            new SendGate(config.limits(), clock, windows),
            faults,
            stats);
    return new GraphApiEndpoint(
        config,
        clock,
        faults,
        messages,
        new GraphMediaHandler(config, media, stats),
        new GraphTemplatesHandler(templates),
        new MediaDownloadEndpoint(media, faults, stats));
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Where the phone page is, e.g. {@code http://127.0.0.1:9090/}. */
  public URI pageUrl() {
    String host = server.getAddress().getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** The {@code graphApiBaseUrl} to give the bridge, e.g. {@code http://127.0.0.1:9090/v23.0}. */
  public URI graphApiBaseUrl() {
    return pageUrl().resolve("v23.0");
  }

  @Override
  public void close() {
    events.close();
    server.stop(0);
    scheduler.shutdownNow();
    webhookThreads.shutdownNow();
    requestThreads.shutdownNow();
  }

  /** A handler step that may fail with an I/O error. */
  private interface ExchangeHandler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /**
   * Refuses cross-origin browser posts ({@link SameOriginGuard}), and turns an unexpected failure
   * into a 500 rather than a silently dropped connection.
   */
  private static void guarded(HttpExchange exchange, ExchangeHandler handler) {
    try {
      if (SameOriginGuard.admits(exchange)) {
        handler.handle(exchange);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Request " + exchange.getRequestURI() + " failed", e);
      try {
        HttpExchangeIo.send(exchange, 500, "text/plain", "Sandbox error: " + e);
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

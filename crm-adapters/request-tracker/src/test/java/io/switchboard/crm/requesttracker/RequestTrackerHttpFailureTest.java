package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.Requester;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the adapter classifies RT's failures, against a local HTTP server answering like RT does
 * (REST2's {@code {"message": ...}} bodies, Starlet's plain 500s, the mail gateway's text).
 */
class RequestTrackerHttpFailureTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  /** A canned answer per "METHOD path" (path without query). */
  private record Canned(int status, Map<String, String> headers, String body) {}

  private final Map<String, Canned> answers = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private CrmAdapter rt;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    rt = adapter("PT2S");
  }

  @AfterEach
  void stop() {
    release.countDown();
    rt.close();
    server.stop(0);
  }

  private CrmAdapter adapter(String timeout) throws Exception {
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    Map<String, String> raw = new HashMap<>();
    raw.put("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort());
    raw.put("token", "1-2-secret-token");
    raw.put("requestTimeout", timeout);
    return factory.create(PluginConfig.of(factory.options(), raw), new PluginContext("rt", NOW));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    Canned canned = answers.get(key);
    if (canned == null) {
      canned = new Canned(404, Map.of(), "{\"message\":\"Not Found\"}");
    }
    if (canned.status() == 0) { // hang until the test ends
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
    canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(canned.status(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void on(String request, int status, String body) {
    answers.put(request, new Canned(status, Map.of(), body));
  }

  private void on(String request, int status, Map<String, String> headers, String body) {
    answers.put(request, new Canned(status, headers, body));
  }

  @Test
  @DisplayName("5xx is retryable; Retry-After seconds become the wait hint")
  void serverErrorIsRetryable() {
    on("GET /REST/2.0/rt", 503, Map.of("Retry-After", "7"), "Service Unavailable");

    assertThatThrownBy(rt::checkReachable)
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
        .hasMessageContaining("503");
  }

  @Test
  @DisplayName("429 is retryable and honours an HTTP-date Retry-After")
  void rateLimitIsRetryable() {
    on("GET /REST/2.0/rt", 429, Map.of("Retry-After", "Mon, 23 Nov 2026 10:00:42 GMT"), "");

    assertThatThrownBy(rt::checkReachable)
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(42)));
  }

  @Test
  @DisplayName("an HTML 500 page is retryable without a hint")
  void htmlServerError() {
    on("GET /REST/2.0/rt", 500, "<html><body>Internal Server Error</body></html>");

    assertThatThrownBy(rt::checkReachable)
        .isInstanceOfSatisfying(RetryableException.class, e -> assertThat(e.retryAfter()).isEmpty())
        .hasMessageContaining("Internal Server Error");
  }

  @Test
  @DisplayName("401 is permanent and points at the token, without showing it")
  void unauthorizedIsPermanent() {
    on("GET /REST/2.0/rt", 401, "{\"message\":\"Unauthorized\"}");

    assertThatThrownBy(rt::checkReachable)
        .isInstanceOfSatisfying(PermanentException.class, e -> assertThat(e.code()).contains("401"))
        .hasMessageContaining("Unauthorized")
        .hasMessageContaining("token option")
        .message()
        .doesNotContain("1-2-secret-token");
  }

  @Test
  @DisplayName("a missing queue is a permanent configuration problem")
  void missingQueue() {
    on("GET /REST/2.0/rt", 200, "{\"Version\":\"5.0.3\"}");

    assertThatThrownBy(rt::checkReachable)
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("no queue Support");
  }

  @Test
  @DisplayName("other 4xx are permanent and carry RT's message")
  void badRequestIsPermanent() {
    on("GET /REST/2.0/user/wa-15550001234", 404, "{\"message\":\"Not Found\"}");
    on("POST /REST/2.0/user", 400, "{\"message\":\"Could not create user: Name in use\"}");

    assertThatThrownBy(() -> rt.upsertRequester(requester()))
        .isInstanceOfSatisfying(PermanentException.class, e -> assertThat(e.code()).contains("400"))
        .hasMessageContaining("Could not create user: Name in use");
  }

  @Test
  @DisplayName("RT's 200-with-an-error-sentence on an update is caught")
  void errorSentenceInSuccess() {
    on(
        "GET /REST/2.0/user/wa-15550001234",
        200,
        "{\"Name\":\"wa-15550001234\",\"RealName\":\"Old name\",\"EmailAddress\":\"x@example.invalid\","
            + "\"CustomFields\":[]}");
    on(
        "PUT /REST/2.0/user/wa-15550001234",
        200,
        "[\"RealName changed from 'Old name' to 'Kerry'\",\"Unable to load custom field WhatsApp Id\"]");

    assertThatThrownBy(() -> rt.upsertRequester(requester()))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("Unable to load custom field WhatsApp Id");
  }

  @Test
  @DisplayName("a note whose key custom field RT could not set is reported, not trusted")
  void noteWithoutKeyField() {
    on("GET /REST/2.0/ticket/7", 200, "{\"id\":7,\"EffectiveId\":{\"id\":\"7\"}}");
    on("GET /REST/2.0/transactions", 200, "{\"items\":[],\"count\":0}");
    on(
        "POST /REST/2.0/ticket/7/comment",
        201,
        Map.of("Location", "/REST/2.0/transaction/99"),
        "[\"Comments added\",\"Unable to load transaction custom field: Switchboard Key\"]");

    assertThatThrownBy(() -> rt.addInternalNote("7", "note:1", "Customer verified"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("Switchboard Key");
  }

  @Test
  @DisplayName("the mail gateway's 'not ok' is permanent and its 'temporary failure' retryable")
  void mailGatewayAnswers() {
    on("POST /REST/2.0/ticket/7/attachments", 200, "{\"items\":[],\"count\":0}");
    on("GET /REST/2.0/ticket/7", 200, "{\"id\":7,\"Requestor\":[{\"id\":\"wa-15550001234\"}]}");
    on(
        "GET /REST/2.0/user/wa-15550001234",
        200,
        "{\"Name\":\"wa-15550001234\",\"EmailAddress\":\"wa-15550001234@example.invalid\"}");
    on("POST /REST/1.0/NoAuth/mail-gateway", 200, "not ok - operation unsuccessful\n");

    assertThatThrownBy(() -> rt.appendCustomerMessage("7", entry()))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("operation unsuccessful")
        .hasMessageContaining("ReplyToTicket");

    on("POST /REST/1.0/NoAuth/mail-gateway", 200, "temporary failure - database locked\n");
    assertThatThrownBy(() -> rt.appendCustomerMessage("7", entry()))
        .isInstanceOf(RetryableException.class);
  }

  @Test
  @DisplayName("an unknown ticket is refused before anything reaches the mail gateway")
  void unknownTicket() {
    on("POST /REST/2.0/ticket/8/attachments", 200, "{\"items\":[],\"count\":0}");
    on("POST /REST/1.0/NoAuth/mail-gateway", 200, "ok\n");

    assertThatThrownBy(() -> rt.appendCustomerMessage("8", entry()))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("404");
    assertThatThrownBy(() -> rt.appendCustomerMessage("8; DROP", entry()))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("not an RT ticket id");
  }

  @Test
  @DisplayName("a call RT does not answer within requestTimeout is retryable")
  void timeoutIsRetryable() throws Exception {
    on("GET /REST/2.0/rt", 0, "");
    try (CrmAdapter impatient = adapter("PT0.3S")) {
      assertThatThrownBy(impatient::checkReachable)
          .isInstanceOf(RetryableException.class)
          .hasMessageContaining("did not answer");
    }
  }

  @Test
  @DisplayName("a garbled poll cursor is a permanent error")
  void garbledCursor() {
    assertThatThrownBy(() -> rt.poll("txn:12"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("cursor");
  }

  private static Requester requester() {
    return new Requester("c1", "Kerry", "+15550001234", Map.of("whatsapp", "15550001234"), "en");
  }

  private static CustomerEntry entry() {
    return new CustomerEntry("msg:wamid.1", "wa-15550001234", "Hello", List.of(), NOW.instant());
  }
}

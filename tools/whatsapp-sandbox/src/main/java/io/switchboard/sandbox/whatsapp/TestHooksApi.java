package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox API's test hooks: faults ({@code POST /sandbox/api/faults}), stats ({@code GET
 * /sandbox/api/stats}, {@code POST /sandbox/api/stats/reset}) and moving a customer's last message
 * back in time ({@code POST /sandbox/api/customers/{phone}/last-message-at}).
 */
final class TestHooksApi {
  private final Clock clock;
  private final Faults faults;
  private final MediaStore media;
  private final SandboxStats stats;
  private final CustomerWindows windows;

  TestHooksApi(
      Clock clock, Faults faults, MediaStore media, SandboxStats stats, CustomerWindows windows) {
    this.clock = clock;
    this.faults = faults;
    this.media = media;
    this.stats = stats;
    this.windows = windows;
  }

  /**
   * Switches faults: {@code revokeToken} (boolean), {@code mediaDownloadFailures} (count), {@code
   * expireMediaUrlsNow} (true), {@code failNextDeliveries} (array of Meta codes), {@code clear}.
   */
  void faults(HttpExchange exchange) throws IOException, SandboxApiException {
    Map<String, Object> body = SandboxApiIo.jsonBody(exchange);
    if (Boolean.TRUE.equals(body.get("clear"))) {
      faults.clear();
    }
    if (body.get("revokeToken") instanceof Boolean revoke) {
      faults.revokeToken(revoke);
    }
    if (body.get("mediaDownloadFailures") != null) {
      faults.failMediaDownloads(count(body.get("mediaDownloadFailures"), "mediaDownloadFailures"));
    }
    int expired = 0;
    if (Boolean.TRUE.equals(body.get("expireMediaUrlsNow"))) {
      expired = media.expireAllUrls();
    }
    if (body.get("failNextDeliveries") != null) {
      faults.failNextDeliveries(codes(body.get("failNextDeliveries")));
    }
    Map<String, Object> answer = faults.toJson();
    answer.put("expiredMediaUrls", expired);
    HttpExchangeIo.sendJson(exchange, 200, answer);
  }

  void showFaults(HttpExchange exchange) throws IOException {
    HttpExchangeIo.sendJson(exchange, 200, faults.toJson());
  }

  void stats(HttpExchange exchange) throws IOException {
    HttpExchangeIo.sendJson(exchange, 200, stats.toJson());
  }

  void resetStats(HttpExchange exchange) throws IOException {
    stats.reset();
    HttpExchangeIo.sendJson(exchange, 200, stats.toJson());
  }

  /** Body {@code {"at":"2025-01-01T10:00:00Z"}} or {@code {"hoursAgo":25}}. */
  void lastMessageAt(HttpExchange exchange, String phone) throws IOException, SandboxApiException {
    WaId customer = SandboxApiIo.phone(phone, "phone");
    Map<String, Object> body = SandboxApiIo.jsonBody(exchange);
    Instant at;
    if (body.get("at") instanceof String text) {
      try {
        at = Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw SandboxApiException.badRequest(
            "'at' must be an ISO-8601 instant, e.g. 2025-01-01T10:00:00Z");
      }
    } else if (body.get("hoursAgo") instanceof BigDecimal hours) {
      at = clock.instant().minusSeconds(hours.multiply(BigDecimal.valueOf(3600)).longValue());
    } else {
      throw SandboxApiException.badRequest(
          "give 'at' (an ISO-8601 instant) or 'hoursAgo' (a number)");
    }
    windows.customerWrote(customer, at);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("phone", customer.digits());
    answer.put("lastMessageAt", at.toString());
    HttpExchangeIo.sendJson(exchange, 200, answer);
  }

  private static int count(Object value, String field) throws SandboxApiException {
    if (!(value instanceof BigDecimal number)
        || number.signum() < 0
        || number.stripTrailingZeros().scale() > 0) {
      throw SandboxApiException.badRequest("'" + field + "' must be a whole number >= 0");
    }
    return number.intValueExact();
  }

  private static List<Integer> codes(Object value) throws SandboxApiException {
    if (!(value instanceof List<?> list)) {
      throw SandboxApiException.badRequest("'failNextDeliveries' must be an array of error codes");
    }
    List<Integer> codes = new ArrayList<>();
    for (Object code : list) {
      codes.add(count(code, "failNextDeliveries[]"));
    }
    return codes;
  }
}

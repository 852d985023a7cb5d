package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses state-changing requests (anything but GET, HEAD and OPTIONS) that a browser sent from
 * another origin: a page on any site could otherwise make the sandbox post signed webhooks to the
 * bridge through a visitor's browser. A browser says where a request comes from ({@code
 * Sec-Fetch-Site}, {@code Origin}); the phone page is same-origin, and the bridge's Graph API calls
 * carry neither header, so both pass.
 */
final class SameOriginGuard {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> ALLOWED_FETCH_SITES = Set.of("same-origin", "none");

  private SameOriginGuard() {}

  /** Whether the exchange may go on; if not, it has been answered 403. */
  static boolean admits(HttpExchange exchange) throws java.io.IOException {
    if (SAFE_METHODS.contains(exchange.getRequestMethod().toUpperCase(Locale.ROOT))) {
      return true;
    }
    String refusal =
        refusal(
            exchange.getRequestHeaders().getFirst("Sec-Fetch-Site"),
            exchange.getRequestHeaders().getFirst("Origin"),
            exchange.getRequestHeaders().getFirst("Host"));
    if (refusal == null) {
      return true;
    }
    exchange.getRequestBody().close();
    HttpExchangeIo.sendJson(exchange, 403, Map.of("error", refusal));
    return false;
  }

  /** Why a request with these headers is refused, or {@code null} if it is admitted. */
  static String refusal(String fetchSite, String origin, String host) {
    if (fetchSite != null && !ALLOWED_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      return "cross-origin request refused (Sec-Fetch-Site: " + fetchSite + ")";
    }
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
      return "cross-origin request refused (Origin: " + origin + ")";
    }
    return null;
  }
}

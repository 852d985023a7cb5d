package io.switchboard.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as received, before any parsing: the method, the full request URI, the raw body
 * bytes (signatures are computed over exactly these), every header and the query parameters. Some
 * CRMs sign more than the body (HubSpot v3: method, URI, body and timestamp; Zendesk: timestamp and
 * body).
 *
 * <pre>{@code
 * WebhookRequest request = new WebhookRequest("POST", "https://bridge.example/switchboard/api/...",
 *     body, Map.of("X-Hub-Signature-256", List.of(sig)), Map.of());
 * boolean authentic = receiver.isAuthentic(request);
 * }</pre>
 *
 * @param method the HTTP method, upper case
 * @param uri the full request URI as the client sent it (scheme, host, path, query), or an empty
 *     string when unknown
 * @param body the raw body, never re-serialised
 * @param headers header values by name; {@link #header(String)} looks names up case-insensitively
 * @param query query parameters by name
 */
public record WebhookRequest(
    String method,
    String uri,
    byte[] body,
    Map<String, List<String>> headers,
    Map<String, List<String>> query) {

  public WebhookRequest {
    method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    uri = uri == null ? "" : uri;
    body = body == null ? new byte[0] : body;
    TreeMap<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> insensitive.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    }
    headers = insensitive;
    query = query == null ? Map.of() : Map.copyOf(query);
  }

  /** A POST of which only body, headers and query are known (tests, replays). */
  public static WebhookRequest of(
      byte[] body, Map<String, List<String>> headers, Map<String, List<String>> query) {
    return new WebhookRequest("POST", "", body, headers, query);
  }

  /** The first value of a header, looked up case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}

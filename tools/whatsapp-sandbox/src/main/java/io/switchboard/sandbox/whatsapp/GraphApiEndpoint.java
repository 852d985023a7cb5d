package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonReader;
import io.switchboard.sandbox.whatsapp.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Meta's Graph API the bridge calls, any version ({@code /v23.0/}, {@code /v19.0/},
 * ...), behind the bearer token: checks the token (code 190; also while the {@code revokeToken}
 * fault is on), routes to the resource handlers and writes Meta's answer or error.
 *
 * <ul>
 *   <li>{@code POST /{v}/{phone-number-id}/messages}: {@link GraphMessagesHandler}
 *   <li>{@code POST /{v}/{phone-number-id}/media}, {@code GET|DELETE /{v}/{media-id}}: {@link
 *       GraphMediaHandler}; the download URL itself: {@link MediaDownloadEndpoint}
 *   <li>{@code GET /{v}/{waba-id}/message_templates}: {@link GraphTemplatesHandler}
 * </ul>
 *
 * Anything else answers code 100 saying the sandbox does not implement it.
 */
public final class GraphApiEndpoint {
  private static final Pattern VERSIONED = Pattern.compile("^/v[0-9]+\\.[0-9]+(/.*)?$");
  private static final Pattern EDGE =
      Pattern.compile("^/(v[0-9]+\\.[0-9]+)/([^/]+)/(messages|media|message_templates)/?$");
  private static final Pattern NODE = Pattern.compile("^/(v[0-9]+\\.[0-9]+)/([0-9]+)/?$");

  private final SandboxConfig config;
  private final Clock clock;
  private final Faults faults;
  private final GraphMessagesHandler messages;
  private final GraphMediaHandler media;
  private final GraphTemplatesHandler templates;
  private final MediaDownloadEndpoint downloads;

  GraphApiEndpoint(
      SandboxConfig config,
      Clock clock,
      Faults faults,
      GraphMessagesHandler messages,
      GraphMediaHandler media,
      GraphTemplatesHandler templates,
      MediaDownloadEndpoint downloads) {
    this.config = config;
    this.clock = clock;
    this.faults = faults;
    this.messages = messages;
    this.media = media;
    this.templates = templates;
    this.downloads = downloads;
  }

  /** Whether a request path belongs to the Graph API ({@code /vNN.N/...}) or its media CDN. */
  public static boolean handles(String path) {
    return VERSIONED.matcher(path).matches() || path.startsWith(MediaDownloadEndpoint.PATH);
  }

  /** Answers one Graph API (or media download) request. */
  public void handle(HttpExchange exchange) throws IOException {
    GraphAnswer answer;
    try {
      GraphApiError authError = checkToken(exchange.getRequestHeaders().getFirst("Authorization"));
      if (authError != null) {
        exchange.getRequestBody().close();
        answer = GraphAnswer.error(authError);
      } else if (exchange.getRequestURI().getPath().startsWith(MediaDownloadEndpoint.PATH)) {
        downloads.handle(exchange);
        return;
      } else {
        answer = route(exchange);
      }
    } catch (GraphRefusal refusal) {
      answer = GraphAnswer.error(refusal.error());
    } catch (HttpExchangeIo.BodyTooLargeException e) {
      answer = GraphAnswer.error(GraphApiError.invalidParameter(e.getMessage()));
    }
    if (answer.error() != null && answer.error().httpStatus() == 401) {
      exchange
          .getResponseHeaders()
          .set("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"");
    }
    HttpExchangeIo.sendJson(exchange, answer.httpStatus(), answer.body());
  }

  private GraphAnswer route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Matcher edge = EDGE.matcher(path);
    if (edge.matches()) {
      return edge(exchange, method, edge.group(1), edge.group(2), edge.group(3));
    }
    Matcher node = NODE.matcher(path);
    if (node.matches() && !isAccountObject(node.group(2))) {
      switch (method) {
        case "GET":
          return media.retrieve(exchange, node.group(2));
        case "DELETE":
          return media.delete(exchange, node.group(2));
        default:
          throw unsupported(method, path);
      }
    }
    throw unsupported(method, path);
  }

  private GraphAnswer edge(
      HttpExchange exchange, String method, String version, String id, String edge)
      throws IOException {
    if ("message_templates".equals(edge)) {
      requireMethod("GET", method, exchange);
      requireId(config.wabaId(), id, method);
      return templates.list(exchange, version, id);
    }
    requireMethod("POST", method, exchange);
    requireId(config.phoneNumberId(), id, method);
    if ("media".equals(edge)) {
      return media.upload(exchange);
    }
    Map<String, Object> body;
    try {
      body = JsonReader.parseObject(HttpExchangeIo.readBody(exchange));
    } catch (JsonSyntaxException e) {
      throw GraphRefusal.invalid("Request body is not a JSON object: " + e.getMessage());
    }
    return messages.handle(body);
  }

  private boolean isAccountObject(String id) {
    return id.equals(config.phoneNumberId()) || id.equals(config.wabaId());
  }

  private static void requireMethod(String expected, String method, HttpExchange exchange) {
    if (!expected.equals(method)) {
      throw unsupported(method, exchange.getRequestURI().getPath());
    }
  }

  private static void requireId(String expected, String id, String method) {
    if (!expected.equals(id)) {
      throw new GraphRefusal(GraphApiError.unknownObject(method, id));
    }
  }

  private static GraphRefusal unsupported(String method, String path) {
    return new GraphRefusal(
        new GraphApiError(
            400,
            "Unsupported "
                + method
                + " "
                + path
                + ": NOT_IMPLEMENTED by the sandbox, which plays"
                + " POST /{version}/{phone-number-id}/messages and /media, GET and DELETE"
                + " /{version}/{media-id} and GET /{version}/{waba-id}/message_templates",
            "GraphMethodException",
            100,
            null,
            null));
  }

  private GraphApiError checkToken(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return GraphApiError.invalidAccessToken(
          "An active access token must be used to query information about the current user.");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return GraphApiError.invalidAccessToken(
          "Invalid OAuth access token - Cannot parse access token (expected 'Bearer <token>')");
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    byte[] expected = config.accessToken().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, expected)) {
      return GraphApiError.invalidAccessToken(
          "Invalid OAuth access token - Cannot parse access token");
    }
    if (faults.tokenRevoked()) {
      return GraphApiError.sessionExpired(clock.instant());
    }
    return null;
  }
}

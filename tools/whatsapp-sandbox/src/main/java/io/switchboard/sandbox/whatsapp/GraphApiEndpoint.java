package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonReader;
import io.switchboard.sandbox.whatsapp.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Meta's Graph API the bridge calls: {@code POST /{version}/{phone-number-id}/messages}
 * with a bearer token, for text messages and for marking a customer message read. Any version
 * ({@code /v23.0/}, {@code /v19.0/}, ...) is accepted. Other message types answer 400 saying they
 * are not implemented by the sandbox.
 */
public final class GraphApiEndpoint {
  private static final Pattern VERSIONED = Pattern.compile("^/v[0-9]+\\.[0-9]+(/.*)?$");
  private static final Pattern MESSAGES = Pattern.compile("^/v[0-9]+\\.[0-9]+/([^/]+)/messages/?$");
  private static final int MAX_TEXT_LENGTH = 4096;

  private final SandboxConfig config;
  private final ChatLog log;
  private final StatusProgression statuses;

  /** Wires the endpoint to the chat log and the status progression of sent messages. */
  public GraphApiEndpoint(SandboxConfig config, ChatLog log, StatusProgression statuses) {
    this.config = config;
    this.log = log;
    this.statuses = statuses;
  }

  /** Whether a request path belongs to the Graph API ({@code /vNN.N/...}). */
  public static boolean handles(String path) {
    return VERSIONED.matcher(path).matches();
  }

  /** Answers one Graph API request. */
  public void handle(HttpExchange exchange) throws IOException {
    GraphApiResult result;
    try {
      result = answer(exchange);
    } catch (HttpExchangeIo.BodyTooLargeException e) {
      result = GraphApiResult.error(GraphApiError.invalidParameter(e.getMessage()));
    }
    if (result.error() != null && result.error().httpStatus() == 401) {
      exchange
          .getResponseHeaders()
          .set("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"");
    }
    HttpExchangeIo.sendJson(exchange, result.httpStatus(), result.body());
  }

  private GraphApiResult answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    GraphApiError authError = checkToken(exchange.getRequestHeaders().getFirst("Authorization"));
    if (authError != null) {
      return GraphApiResult.error(authError);
    }
    Matcher messages = MESSAGES.matcher(path);
    if (!messages.matches() || !"POST".equals(method)) {
      return GraphApiResult.error(
          new GraphApiError(
              messages.matches() ? 405 : 404,
              "Unsupported "
                  + method
                  + " "
                  + path
                  + ": the sandbox implements only POST /{version}/{phone-number-id}/messages",
              "GraphMethodException",
              100,
              null,
              null));
    }
    if (!config.phoneNumberId().equals(messages.group(1))) {
      return GraphApiResult.error(GraphApiError.unknownObject(method, messages.group(1)));
    }
    Map<String, Object> body;
    try {
      body = JsonReader.parseObject(HttpExchangeIo.readBody(exchange));
    } catch (JsonSyntaxException e) {
      return GraphApiResult.error(
          GraphApiError.invalidParameter("Request body is not a JSON object: " + e.getMessage()));
    }
    return send(body);
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
    return null;
  }

  private GraphApiResult send(Map<String, Object> body) {
    if (!"whatsapp".equals(body.get("messaging_product"))) {
      return invalid("The parameter messaging_product is required and must be 'whatsapp'");
    }
    if (body.containsKey("status")) {
      return markRead(body);
    }
    Object recipientType = body.getOrDefault("recipient_type", "individual");
    if (!"individual".equals(recipientType)) {
      return invalid("recipient_type '" + recipientType + "' is not implemented by the sandbox");
    }
    if (!(body.get("to") instanceof String to) || to.isBlank()) {
      return invalid("The parameter to is required and must be a phone number string");
    }
    WaId recipient;
    try {
      recipient = WaId.of(to);
    } catch (IllegalArgumentException e) {
      return invalid("Invalid 'to': " + e.getMessage());
    }
    Object type = body.getOrDefault("type", "text");
    if (!"text".equals(type)) {
      return invalid(
          "Message type '" + type + "' is not implemented by the sandbox (only 'text' is)");
    }
    String text = textBody(body.get("text"));
    if (text == null) {
      return invalid("The parameter text['body'] is required and must be a non-empty string");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      return invalid("text['body'] is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    ChatMessage message = log.addBusinessMessage(recipient, text);
    statuses.start(message);
    return GraphApiResult.ok(sendAnswer(to, recipient, message.wamid()));
  }

  private GraphApiResult markRead(Map<String, Object> body) {
    if (!"read".equals(body.get("status"))) {
      return invalid("status '" + body.get("status") + "' is not supported (only 'read' is)");
    }
    if (!(body.get("message_id") instanceof String wamid) || wamid.isBlank()) {
      return invalid("The parameter message_id is required");
    }
    ChatMessage message = log.find(wamid).orElse(null);
    if (message == null || message.direction() != ChatMessage.Direction.CUSTOMER) {
      return invalid(
          "message_id '" + wamid + "' is not a message this sandbox received from a customer");
    }
    log.advance(wamid, MessageStatus.READ);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    return GraphApiResult.ok(answer);
  }

  private static String textBody(Object text) {
    if (text instanceof Map<?, ?> textObject
        && textObject.get("body") instanceof String body
        && !body.isBlank()) {
      return body;
    }
    return null;
  }

  private static Map<String, Object> sendAnswer(String to, WaId recipient, String wamid) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("input", to);
    contact.put("wa_id", recipient.digits());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("messaging_product", "whatsapp");
    answer.put("contacts", List.of(contact));
    answer.put("messages", List.of(Map.of("id", wamid)));
    return answer;
  }

  private static GraphApiResult invalid(String details) {
    return GraphApiResult.error(GraphApiError.invalidParameter(details));
  }

  /** A status and JSON body to answer with. */
  private record GraphApiResult(int httpStatus, Map<String, Object> body, GraphApiError error) {
    static GraphApiResult ok(Map<String, Object> body) {
      return new GraphApiResult(200, body, null);
    }

    static GraphApiResult error(GraphApiError error) {
      return new GraphApiResult(error.httpStatus(), error.toJson(), error);
    }
  }
}

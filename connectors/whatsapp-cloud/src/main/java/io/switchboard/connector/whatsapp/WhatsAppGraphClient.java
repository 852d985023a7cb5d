package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiFailureClassifier.Operation;
import io.switchboard.connector.whatsapp.model.SendMessageResponse;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls the WhatsApp Cloud API (Graph API) for one business phone number over the factory's shared
 * pooled Apache HttpClient 5, with this account's token and timeout: sends messages, reads Graph
 * objects (media, templates), uploads files and downloads media. It never retries by itself: the
 * engine's outbox owns retries, so every failure is classified and handed back.
 */
final class WhatsAppGraphClient {

  private static final int MAX_ERROR_BODY_CHARS = 8192;

  /**
   * Meta's contract declares {@code Content-Type} as an enum with the bare {@code application/json}
   * (a {@code charset} parameter is rejected; JSON is UTF-8 anyway, RFC 8259).
   */
  private static final ContentType JSON = ContentType.create("application/json");

  /**
   * Meta's contract constrains {@code User-Agent} to {@code name/x.y.z}; HttpClient's default
   * ({@code Apache-HttpClient/5.4.4 (Java/17)}) does not match, so the connector names itself.
   */
  static final String USER_AGENT = "Switchboard-WhatsApp-Cloud/0.1.0";

  /** A Graph API answer: status, {@code Retry-After} and body as text. */
  record Answer(int status, String retryAfter, String body) {}

  private final String base;
  private final String phoneNumberId;
  private final String accessToken;
  private final JsonReaderFactory readers;
  private final GraphApiFailureClassifier classifier;
  private final CloseableHttpClient http;
  private final RequestConfig requestConfig;

  @SuppressWarnings("deprecation") // per-request connect timeout: the pool is shared
  WhatsAppGraphClient(
      String graphApiBaseUrl,
      String phoneNumberId,
      String accessToken,
      Duration timeout,
      CloseableHttpClient http,
      JsonReaderFactory readers,
      GraphApiFailureClassifier classifier) {
    this.base =
        graphApiBaseUrl.endsWith("/")
            ? graphApiBaseUrl.substring(0, graphApiBaseUrl.length() - 1)
            : graphApiBaseUrl;
    this.phoneNumberId = phoneNumberId;
    this.accessToken = accessToken;
    this.readers = readers;
    this.classifier = classifier;
    this.http = http;
    Timeout t = Timeout.of(timeout);
    this.requestConfig =
        RequestConfig.custom()
            .setConnectTimeout(t)
            .setConnectionRequestTimeout(t)
            .setResponseTimeout(t)
            .setRedirectsEnabled(false)
            .build();
  }

  /** The Graph API base URL with its version, without a trailing slash. */
  String base() {
    return base;
  }

  String phoneNumberId() {
    return phoneNumberId;
  }

  JsonReaderFactory readers() {
    return readers;
  }

  GraphApiFailureClassifier classifier() {
    return classifier;
  }

  /**
   * Posts a message body.
   *
   * @return the new message's {@code wamid}
   */
  String send(String body) throws RetryableException, PermanentException {
    Answer answer = postJson("/" + phoneNumberId + "/messages", body, Operation.SEND);
    Optional<String> wamid = SendMessageResponse.messageId(answer.body(), readers);
    if (wamid.isPresent()) {
      return wamid.get();
    }
    throw new PermanentException(
        "WhatsApp answered HTTP "
            + answer.status()
            + " without a message id (the message may have been sent; not retried): "
            + abbreviate(answer.body()),
        null,
        "no-message-id");
  }

  /** Posts a body that gets no message id back (mark as read). */
  void acknowledge(String body) throws RetryableException, PermanentException {
    postJson("/" + phoneNumberId + "/messages", body, Operation.SEND);
  }

  /** Posts JSON to a path below the base; a 2xx answer, or the classified failure. */
  Answer postJson(String path, String body, Operation operation)
      throws RetryableException, PermanentException {
    return post(path, new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON), operation);
  }

  /** Posts any entity (e.g. multipart form data) to a path below the base. */
  Answer post(String path, HttpEntity entity, Operation operation)
      throws RetryableException, PermanentException {
    ClassicHttpRequest post = authorized(ClassicRequestBuilder.post(base + path)).build();
    post.setEntity(entity);
    return classified(execute(post, WhatsAppGraphClient::answer), operation);
  }

  /** GETs a path (with its query) below the base; a 2xx answer, or the classified failure. */
  Answer get(String pathAndQuery, Operation operation)
      throws RetryableException, PermanentException {
    return classified(getUnclassified(pathAndQuery), operation);
  }

  /** GETs a path below the base and hands back any answer, for callers that read the status. */
  Answer getUnclassified(String pathAndQuery) throws RetryableException {
    return execute(
        authorized(ClassicRequestBuilder.get(base + pathAndQuery)).build(),
        WhatsAppGraphClient::answer);
  }

  /**
   * GETs an absolute URL Meta handed out (a media download URL) with the bearer token, as Meta
   * requires, and lets the handler read the response as a stream. A handler that stops reading
   * throws {@link MediaTooLargeException}: the connection is then closed, not drained.
   */
  <T> T download(URI url, HttpClientResponseHandler<T> handler)
      throws RetryableException, MediaTooLargeException {
    try {
      return execute(authorized(ClassicRequestBuilder.get(url)).build(), handler);
    } catch (RetryableException e) {
      if (e.getCause() instanceof MediaTooLargeException tooLarge) {
        throw tooLarge;
      }
      throw e;
    }
  }

  /** The failure a non-2xx answer stands for. */
  PluginException failure(Answer answer, Operation operation) {
    return classifier.classify(
        answer.status(), answer.retryAfter(), abbreviate(answer.body()), operation);
  }

  private ClassicRequestBuilder authorized(ClassicRequestBuilder request) {
    return request
        .setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
        .setHeader(HttpHeaders.ACCEPT, "application/json")
        .setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
  }

  private <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler)
      throws RetryableException {
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(requestConfig);
    try {
      return http.execute(request, context, handler);
    } catch (IllegalStateException e) {
      // the factory closed the shared pool (engine shutting down): try again on a new factory
      throw new RetryableException("WhatsApp HTTP connection pool is closed: " + e.getMessage(), e);
    } catch (IOException e) {
      // Timeouts included: a message may or may not have gone out; WhatsApp has no idempotency
      // key, so a retry can duplicate it. The engine decides.
      throw new RetryableException(
          "WhatsApp Cloud API not reachable at " + withoutQuery(request) + ": " + e, e);
    }
  }

  private Answer classified(Answer answer, Operation operation)
      throws RetryableException, PermanentException {
    if (answer.status() / 100 == 2) {
      return answer;
    }
    PluginException failure = failure(answer, operation);
    if (failure instanceof RetryableException retryable) {
      throw retryable;
    }
    throw (PermanentException) failure;
  }

  private static Answer answer(org.apache.hc.core5.http.ClassicHttpResponse response)
      throws IOException {
    try {
      return new Answer(
          response.getCode(),
          Optional.ofNullable(response.getFirstHeader(HttpHeaders.RETRY_AFTER))
              .map(Header::getValue)
              .orElse(null),
          response.getEntity() == null
              ? ""
              : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
    } catch (org.apache.hc.core5.http.ParseException e) {
      throw new IOException("unreadable Graph API answer: " + e.getMessage(), e);
    }
  }

  /** The request's URL without its query: download URLs carry signed parameters. */
  private static String withoutQuery(ClassicHttpRequest request) {
    String uri = request.getRequestUri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    try {
      return request.getUri().getScheme() + "://" + request.getAuthority() + path;
    } catch (java.net.URISyntaxException e) {
      return path;
    }
  }

  static String abbreviate(String body) {
    return body.length() <= MAX_ERROR_BODY_CHARS ? body : body.substring(0, MAX_ERROR_BODY_CHARS);
  }
}

package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.SendMessageResponse;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls the WhatsApp Cloud API (Graph API) for one business phone number over the factory's shared
 * pooled Apache HttpClient 5, with this account's timeout. It never retries by itself: the engine's
 * outbox owns retries, so every failure is classified and handed back.
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

  private final String messagesUrl;
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
    String base =
        graphApiBaseUrl.endsWith("/")
            ? graphApiBaseUrl.substring(0, graphApiBaseUrl.length() - 1)
            : graphApiBaseUrl;
    this.messagesUrl = base + "/" + phoneNumberId + "/messages";
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

  /**
   * Posts a message body.
   *
   * @return the new message's {@code wamid}
   */
  String send(String body) throws RetryableException, PermanentException {
    Answer answer = post(body);
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
    post(body);
  }

  /** Posts; returns a 2xx answer, throws the classified failure for any other. */
  private Answer post(String body) throws RetryableException, PermanentException {
    ClassicHttpRequest post =
        ClassicRequestBuilder.post(messagesUrl)
            .setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
            .setHeader(HttpHeaders.ACCEPT, "application/json")
            .setHeader(HttpHeaders.USER_AGENT, USER_AGENT)
            .setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(requestConfig);
    Answer answer;
    try {
      answer =
          http.execute(
              post,
              context,
              response ->
                  new Answer(
                      response.getCode(),
                      Optional.ofNullable(response.getFirstHeader(HttpHeaders.RETRY_AFTER))
                          .map(Header::getValue)
                          .orElse(null),
                      response.getEntity() == null
                          ? ""
                          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    } catch (IllegalStateException e) {
      // the factory closed the shared pool (engine shutting down): try again on a new factory
      throw new RetryableException("WhatsApp HTTP connection pool is closed: " + e.getMessage(), e);
    } catch (IOException e) {
      // Timeouts included: the message may or may not have gone out; WhatsApp has no idempotency
      // key, so a retry can duplicate it. The engine decides.
      throw new RetryableException(
          "WhatsApp Cloud API not reachable at " + messagesUrl + ": " + e, e);
    }
    if (answer.status() / 100 == 2) {
      return answer;
    }
    PluginException failure =
        classifier.classify(answer.status(), answer.retryAfter(), abbreviate(answer.body()));
    if (failure instanceof RetryableException retryable) {
      throw retryable;
    }
    throw (PermanentException) failure;
  }

  private static String abbreviate(String body) {
    return body.length() <= MAX_ERROR_BODY_CHARS ? body : body.substring(0, MAX_ERROR_BODY_CHARS);
  }

  private record Answer(int status, String retryAfter, String body) {}
}

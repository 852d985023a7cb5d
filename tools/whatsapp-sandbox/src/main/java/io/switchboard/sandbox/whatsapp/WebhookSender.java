package io.switchboard.sandbox.whatsapp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * POSTs signed webhooks to the bridge like Meta does: JSON body, {@code X-Hub-Signature-256} over
 * the exact bytes sent, and retries with doubling backoff until the bridge answers 200 or the
 * attempts run out (Meta keeps trying for days; a demo gives up after a few).
 */
public final class WebhookSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  private final SandboxConfig config;
  private final WebhookSignature signature;
  private final HttpClient client;
  private final ScheduledExecutorService scheduler;

  /** Creates a sender; {@code scheduler} times the retries and is owned by the caller. */
  public WebhookSender(
      SandboxConfig config, HttpClient client, ScheduledExecutorService scheduler) {
    this.config = config;
    this.signature = new WebhookSignature(config.appSecret());
    this.client = client;
    this.scheduler = scheduler;
  }

  /**
   * Delivers one webhook body, retrying as configured; never completes exceptionally.
   *
   * @param onFailedAttempt told about every failed attempt that will be retried (for live display)
   */
  public CompletableFuture<WebhookDelivery> deliver(
      String json, Consumer<WebhookDelivery> onFailedAttempt) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(config.webhookUrl())
            .timeout(config.webhookTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "facebookexternalua")
            .header(WebhookSignature.HEADER, signature.headerValue(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    CompletableFuture<WebhookDelivery> result = new CompletableFuture<>();
    attempt(request, 1, onFailedAttempt, result);
    return result;
  }

  private void attempt(
      HttpRequest request,
      int number,
      Consumer<WebhookDelivery> onFailedAttempt,
      CompletableFuture<WebhookDelivery> result) {
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> outcome(response, failure, number))
        .thenAccept(outcome -> next(request, outcome, onFailedAttempt, result))
        .exceptionally(
            failure -> {
              // Never leave a caller waiting: an unexpected failure ends the delivery.
              result.complete(
                  new WebhookDelivery(false, null, number, "sandbox error: " + failure));
              return null;
            });
  }

  private void next(
      HttpRequest request,
      WebhookDelivery outcome,
      Consumer<WebhookDelivery> onFailedAttempt,
      CompletableFuture<WebhookDelivery> result) {
    int number = outcome.attempts();
    if (outcome.accepted() || number >= config.webhookAttempts()) {
      if (!outcome.accepted()) {
        LOG.warning(
            "Webhook to "
                + config.webhookUrl()
                + " failed: "
                + outcome.describe(config.webhookAttempts()));
      }
      result.complete(outcome);
      return;
    }
    onFailedAttempt.accept(outcome);
    scheduleRetry(request, number, onFailedAttempt, result);
  }

  private void scheduleRetry(
      HttpRequest request,
      int failedNumber,
      Consumer<WebhookDelivery> onFailedAttempt,
      CompletableFuture<WebhookDelivery> result) {
    Duration wait = config.webhookBackoff().multipliedBy(1L << (failedNumber - 1));
    try {
      scheduler.schedule(
          () -> attempt(request, failedNumber + 1, onFailedAttempt, result),
          wait.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.complete(
          new WebhookDelivery(false, null, failedNumber, "sandbox shutting down, retry dropped"));
    }
  }

  private static WebhookDelivery outcome(
      HttpResponse<String> response, Throwable failure, int number) {
    if (failure != null) {
      return new WebhookDelivery(false, null, number, describe(failure));
    }
    int status = response.statusCode();
    if (status == 200) {
      return new WebhookDelivery(true, status, number, null);
    }
    String body = response.body() == null ? "" : response.body().strip();
    if (body.length() > 200) {
      body = body.substring(0, 200) + "...";
    }
    return new WebhookDelivery(
        false, status, number, "HTTP " + status + (body.isEmpty() ? "" : " " + body));
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (cause instanceof ConnectException) {
      return "connection refused (is the bridge running?)";
    }
    if (cause instanceof IOException) {
      return "I/O error: " + cause.getMessage();
    }
    return cause.toString();
  }
}

package io.switchboard.sandbox.whatsapp;

import java.util.concurrent.CompletableFuture;

/**
 * Delivers a webhook about one message and keeps the message's note up to date with each attempt,
 * so the phone page shows what the bridge answered.
 */
final class TrackedWebhooks {
  private final SandboxConfig config;
  private final ChatLog log;
  private final WebhookSender sender;

  TrackedWebhooks(SandboxConfig config, ChatLog log, WebhookSender sender) {
    this.config = config;
    this.log = log;
    this.sender = sender;
  }

  /**
   * Delivers {@code json} about message {@code wamid}.
   *
   * @param settlesStatus whether the outcome moves the message to delivered or failed (customer
   *     messages)
   */
  CompletableFuture<WebhookDelivery> deliver(String wamid, String json, boolean settlesStatus) {
    return sender
        .deliver(
            json,
            attempt ->
                log.noteWebhook(
                    wamid,
                    attempt.error() + " (attempt " + attempt.attempts() + ", retrying)",
                    false,
                    attempt.httpStatus()))
        .whenComplete(
            (delivery, failure) -> {
              log.noteWebhook(
                  wamid,
                  delivery.describe(config.webhookAttempts()),
                  !delivery.accepted(),
                  delivery.httpStatus());
              if (settlesStatus) {
                log.advance(
                    wamid, delivery.accepted() ? MessageStatus.DELIVERED : MessageStatus.FAILED);
              }
            });
  }

  /** Delivers a webhook that is about no message (e.g. a template status). */
  CompletableFuture<WebhookDelivery> deliverUntracked(String json) {
    return sender.deliver(json, attempt -> {});
  }
}

package io.switchboard.sandbox.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Plays the customer's phone receiving a business message: after a short pause each, the message
 * becomes {@code sent}, then {@code delivered}, then {@code read} (at once in {@code auto} mode, or
 * when the phone page shows it), and each step is announced to the bridge with a signed status
 * webhook. Steps of one message run strictly one after the other, so the bridge sees them in order
 * even when a webhook needs retries. A message that is to fail after acceptance (a fault, a closed
 * service window, unknown media) gets one {@code failed} status with Meta's error instead.
 */
public final class StatusProgression {
  private final SandboxConfig config;
  private final Clock clock;
  private final ChatLog log;
  private final WhatsAppWebhookPayloads payloads;
  private final WebhookSender sender;
  private final ScheduledExecutorService scheduler;
  private final SandboxStats stats;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /** Wires the progression; {@code scheduler} is owned by the caller. */
  public StatusProgression(
      SandboxConfig config,
      Clock clock,
      ChatLog log,
      WhatsAppWebhookPayloads payloads,
      WebhookSender sender,
      ScheduledExecutorService scheduler,
      SandboxStats stats) {
    this.config = config;
    this.stats = stats;
    this.clock = clock;
    this.log = log;
    this.payloads = payloads;
    this.sender = sender;
    this.scheduler = scheduler;
  }

  /** Starts the life of a business message the bridge just sent. */
  public void start(ChatMessage message) {
    String wamid = message.wamid();
    enqueue(wamid, () -> step(wamid, MessageStatus.SENT));
    enqueue(wamid, () -> step(wamid, MessageStatus.DELIVERED));
    if (config.readReceipts() == SandboxConfig.ReadReceipts.AUTO) {
      enqueue(wamid, () -> step(wamid, MessageStatus.READ));
    }
  }

  /** Starts the life of a business message that will fail with {@code error} after acceptance. */
  public void startFailing(ChatMessage message, WhatsAppErrorCatalog.Entry error) {
    String wamid = message.wamid();
    enqueue(
        wamid,
        () ->
            pause(config.statusDelay())
                .thenCompose(
                    ignored -> {
                      if (!log.fail(wamid, error.toStatusError())) {
                        return CompletableFuture.<Void>completedFuture(null);
                      }
                      stats.failed(error.code());
                      ChatMessage failed = log.find(wamid).orElseThrow();
                      String json = payloads.failedStatus(failed, error, clock.instant());
                      return deliver(wamid, MessageStatus.FAILED, json);
                    }));
  }

  /**
   * The phone page showed the chat with {@code phone} while visible: every business message to it
   * that is not read yet becomes read (after its delivered status, never before).
   *
   * @return how many messages will be reported read
   */
  public int phoneShowedChat(WaId phone) {
    int count = 0;
    for (ChatMessage message : log.conversation(phone)) {
      if (message.direction() == ChatMessage.Direction.BUSINESS
          && message.status().canAdvanceTo(MessageStatus.READ)) {
        String wamid = message.wamid();
        enqueue(wamid, () -> step(wamid, MessageStatus.READ));
        count++;
      }
    }
    return count;
  }

  private void enqueue(String wamid, Supplier<CompletableFuture<Void>> step) {
    tails.compute(
        wamid,
        (id, tail) ->
            (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenCompose(ignored -> step.get()));
  }

  private CompletableFuture<Void> step(String wamid, MessageStatus status) {
    return pause(config.statusDelay())
        .thenCompose(
            ignored -> {
              if (!log.advance(wamid, status)) {
                return CompletableFuture.<Void>completedFuture(null);
              }
              ChatMessage message = log.find(wamid).orElseThrow();
              String json = payloads.status(message, status, clock.instant());
              return deliver(wamid, status, json);
            });
  }

  private CompletableFuture<Void> deliver(String wamid, MessageStatus status, String json) {
    return sender
        .deliver(json, attempt -> note(wamid, status, attempt, true))
        .thenAccept(delivery -> note(wamid, status, delivery, false));
  }

  private void note(String wamid, MessageStatus status, WebhookDelivery d, boolean retrying) {
    String what = "'" + status.wireName() + "' webhook: ";
    String note =
        retrying
            ? what + d.error() + " (attempt " + d.attempts() + ", retrying)"
            : what + d.describe(config.webhookAttempts());
    log.noteWebhook(wamid, note, !d.accepted() && !retrying, d.httpStatus());
  }

  private CompletableFuture<Void> pause(Duration delay) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      scheduler.schedule(() -> done.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }
}

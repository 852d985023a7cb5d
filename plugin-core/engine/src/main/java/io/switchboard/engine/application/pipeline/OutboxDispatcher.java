package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.ledger.DeferredException;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.engine.ledger.RetryPolicy;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step 3 of the pipeline: claims due outbox entries with a lease and performs them through the
 * plugins, outside any transaction. Retryable failures come back with exponential backoff honouring
 * the remote system's Retry-After for as long as the entry is younger than {@code
 * switchboard.outbox.retry-horizon}; permanent ones and those past the horizon go to quarantine
 * with the reason, where they hold back the later entries of their ordering key.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final int BATCH = 20;

  @Inject Outbox outbox;
  @Inject OutboxEffects effects;
  @Inject PipelineMetrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "switchboard.outbox.lease-seconds", defaultValue = "120")
  long leaseSeconds;

  @Inject RetrySettings retries;

  /**
   * How many claimed entries of one target run at once. The claim gives at most one entry per
   * ordering key (the first unfinished one), so running them side by side never reorders the
   * effects of one conversation or customer; a CRM that answers in 40 ms is then not held to 25
   * writes a second.
   */
  @Inject
  @ConfigProperty(name = "switchboard.outbox.parallelism", defaultValue = "4")
  int parallelism;

  /**
   * Makes the container-managed threads of the parallel entries (a pool of their own: the lanes'
   * shared executor may have a single thread, and a lane must never wait on it); none (tests): one
   * after the other.
   */
  @jakarta.annotation.Resource jakarta.enterprise.concurrent.ManagedThreadFactory threads;

  private volatile java.util.concurrent.ExecutorService executor;

  private java.util.concurrent.ExecutorService executor() {
    if (executor == null && threads != null && parallelism > 1) {
      synchronized (this) {
        if (executor == null) {
          executor = java.util.concurrent.Executors.newFixedThreadPool(parallelism - 1, threads);
        }
      }
    }
    return executor;
  }

  @jakarta.annotation.PreDestroy
  void stopHelpers() {
    if (executor != null) {
      executor.shutdown();
    }
  }

  // The entries this instance is performing right now, with their lease tokens: the heartbeat
  // renews exactly these.
  private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
  private final String owner =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  /**
   * Performs what is due now for every target, one target after the other (tests and tools; the
   * scheduler runs one lane per target instead).
   *
   * @return how many entries were attempted
   */
  public int drain() {
    int attempted = 0;
    for (String target : dueTargets()) {
      attempted += drain(target);
    }
    return attempted;
  }

  /** The targets that have entries to perform now: one lane each. */
  public List<String> dueTargets() {
    return outbox.dueTargets();
  }

  /**
   * Performs what is due now for one target (one lane: a CRM connection or a channel account).
   *
   * @return how many entries were attempted
   */
  public int drain(String target) {
    List<OutboxEntry> claimed = outbox.claim(target, BATCH, lease(), owner);
    int workers = Math.min(Math.max(1, parallelism), claimed.size());
    java.util.concurrent.ExecutorService executor = workers <= 1 ? null : executor();
    if (executor == null) {
      claimed.forEach(this::performHeld);
      return claimed.size();
    }
    java.util.Queue<OutboxEntry> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(claimed);
    Runnable worker =
        () -> {
          for (OutboxEntry entry = queue.poll(); entry != null; entry = queue.poll()) {
            performHeld(entry);
          }
        };
    List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
    for (int i = 1; i < workers; i++) {
      running.add(executor.submit(worker));
    }
    worker.run(); // this lane's own thread takes part
    // The queue is empty now. Helpers still waiting for a thread (the pool is busy with another
    // target's entries) are called off rather than waited for, so no lane ever waits on another; a
    // helper already running finishes its entry on its own (its lease stays renewed, its ordering
    // key blocked until then).
    running.forEach(f -> f.cancel(false));
    return claimed.size();
  }

  private void performHeld(OutboxEntry entry) {
    inFlight.put(entry.id(), entry.leaseToken());
    try {
      perform(entry);
    } finally {
      inFlight.remove(entry.id());
    }
  }

  /**
   * The heartbeat: extends the leases of the entries being performed, so that a lease never expires
   * while its effect runs. Run it every third of the lease.
   */
  public void renewLeases() {
    if (inFlight.isEmpty()) {
      return;
    }
    Set<Long> lost = outbox.renew(Map.copyOf(inFlight), lease());
    for (long id : lost) {
      if (inFlight.containsKey(id)) {
        LOG.warning(
            "outbox "
                + id
                + ": lease lost while its effect runs (this instance was paused longer than"
                + " switchboard.outbox.lease-seconds?); its result will not be recorded");
      }
    }
  }

  /** How often {@link #renewLeases} must run. */
  public Duration heartbeatInterval() {
    return lease().dividedBy(3);
  }

  private Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  private void perform(OutboxEntry entry) {
    try {
      String outcome = effects.perform(entry);
      if (outbox.complete(entry.id(), entry.leaseToken(), outcome)) {
        metrics.outbox(entry.action(), "done");
      } else {
        metrics.outbox(entry.action(), "stale");
      }
    } catch (DeferredException e) {
      defer(entry, e);
    } catch (RetryableException e) {
      retry(entry, e.getMessage(), e.retryAfter());
    } catch (PermanentException e) {
      String reason =
          "permanent" + e.code().map(c -> " (" + c + ")").orElse("") + ": " + e.getMessage();
      quarantine(entry, e.code().orElse(null), e.reason(), e.getMessage(), reason);
    } catch (RuntimeException e) {
      retry(entry, e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
      LOG.log(Level.WARNING, "outbox " + entry.id() + " failed unexpectedly", e);
    }
  }

  // Waits without failing: no attempt counted, no horizon, no quarantine; only its ordering key
  // waits behind it.
  private void defer(OutboxEntry entry, DeferredException e) {
    if (outbox.defer(entry.id(), entry.leaseToken(), e.until(), e.getMessage())) {
      metrics.outbox(entry.action(), "deferred");
      LOG.fine(() -> "outbox " + entry.id() + " deferred to " + e.until() + ": " + e.getMessage());
    } else {
      metrics.outbox(entry.action(), "stale");
    }
  }

  private void retry(OutboxEntry entry, String reason, Optional<Duration> retryAfter) {
    int attempts = entry.attempts() + 1;
    RetryPolicy policy = retries.outbox();
    Instant retryAt =
        policy
            .nextAttempt(attempts, retryAfter, entry.retryWindowStart(), clock.instant())
            .orElse(null);
    if (retryAt == null) {
      String gaveUp = policy.gaveUp(attempts, reason);
      // past the horizon: as visible as a refusal
      quarantine(entry, null, FailureReason.UNAVAILABLE, gaveUp, gaveUp);
      return;
    }
    if (!outbox.fail(entry.id(), entry.leaseToken(), reason, retryAt)) {
      metrics.outbox(entry.action(), "stale");
      return;
    }
    metrics.outbox(entry.action(), "retry");
    LOG.info(
        "outbox " + entry.id() + " " + entry.action() + " retry at " + retryAt + ": " + reason);
  }

  /** Refusals that concern only this message, not the account or the channel as a whole. */
  static boolean aboutThisMessage(FailureReason reason) {
    return switch (reason) {
      case WINDOW_CLOSED,
              TEMPLATE_REQUIRED,
              TEMPLATE_PROBLEM,
              UNSUPPORTED_CONTENT,
              TOO_LARGE,
              INVALID_CONTENT,
              RECIPIENT_UNREACHABLE,
              MEDIA_PROBLEM,
              NOT_FOUND,
              NOT_IMPLEMENTED ->
          true;
      case RATE_LIMITED, RECIPIENT_RATE_LIMITED, AUTH_FAILED, ACCOUNT_PROBLEM, UNAVAILABLE, OTHER ->
          false;
    };
  }

  // Fenced first: only the lease holder quarantines, and only then does giving up mark the subject
  // (a refused reply becomes FAILED and agents get a note).
  private void quarantine(
      OutboxEntry entry, String code, FailureReason neutral, String message, String reason) {
    if (!outbox.fail(entry.id(), entry.leaseToken(), reason, null)) {
      metrics.outbox(entry.action(), "stale");
      return;
    }
    effects.gaveUp(entry, code, neutral, message);
    if (OutboxActions.SEND_TO_CHANNEL.equals(entry.action()) && aboutThisMessage(neutral)) {
      // The channel refused this reply for what it is (window closed, too large, ...): the message
      // is FAILED and the agents have a note; the conversation's next replies (a template, say)
      // must not wait behind it. Account-wide causes (credentials, account, rate) stay blocking.
      outbox.setAside(entry.id(), "refused by the channel, agents notified: " + reason);
      metrics.outbox(entry.action(), "refused");
      LOG.info("outbox " + entry.id() + " refused by the channel: " + reason);
      return;
    }
    metrics.outbox(entry.action(), "quarantined");
    LOG.warning(
        "outbox "
            + entry.id()
            + " "
            + entry.action()
            + " quarantined; later entries of "
            + entry.orderingKey()
            + " wait behind it until it is replayed or skipped: "
            + reason);
  }
}

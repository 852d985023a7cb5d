package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.infrastructure.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the pipeline on the container's managed executors. The managed scheduler only ticks (every
 * poll interval, and at once when a webhook was stored) and renews outbox leases; the work runs in
 * independent {@link Lanes} on the managed executor: the inbound worker, one lane per outbox target
 * ({@code crm:<id>}, {@code channel:<id>}) and one per CRM poll, so a slow or failing CRM never
 * holds up channel sends or inbound processing, nor the other way round. With {@code
 * switchboard.processing.enabled=false} an instance only ingests.
 */
@ApplicationScoped
public class PipelineScheduler {
  private static final Logger LOG = Logger.getLogger(PipelineScheduler.class.getName());
  static final String INBOUND = "inbound";
  static final String OUTBOX_SCAN = "outbox scan";

  /**
   * Scans for due outbox targets start at most this often. Every stored webhook wakes the pipeline
   * (three status webhooks per reply at 80 replies/s), and a scan per wake-up took a fifth of the
   * CPU in a profile of bench/governor.sh; wake-ups during a scan are folded into one more scan
   * (the scan is a lane), at most this much later.
   */
  static final long SCAN_FLOOR_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20);

  private final java.util.concurrent.atomic.AtomicLong lastScan =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - SCAN_FLOOR_NANOS);

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  @Inject SchemaMigration migration;
  @Inject InboundWorker inbound;
  @Inject OutboxDispatcher dispatcher;
  @Inject CrmPoller poller;
  @Inject Connections connections;
  @Inject LedgerRetention retention;

  @Inject
  @ConfigProperty(name = "switchboard.processing.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "switchboard.processing.poll-interval-ms", defaultValue = "250")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "switchboard.crm.poll-interval-seconds", defaultValue = "30")
  long crmPollSeconds;

  volatile Lanes lanes;
  private final List<Future<?>> tasks = new ArrayList<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migration.ensureMigrated();
    if (!enabled) {
      LOG.warning("switchboard.processing.enabled=false: this instance only ingests webhooks");
      return;
    }
    lanes = new Lanes(executor);
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () -> guarded("pipeline tick", this::tick),
            500,
            pollIntervalMs,
            TimeUnit.MILLISECONDS));
    // The heartbeat of the outbox leases: an effect that takes long never loses its lease.
    long beat = Math.max(dispatcher.heartbeatInterval().toMillis(), 1000);
    tasks.add(
        scheduler.scheduleAtFixedRate(
            () -> guarded("renewing outbox leases", dispatcher::renewLeases),
            beat,
            beat,
            TimeUnit.MILLISECONDS));
    if (crmPollSeconds > 0) {
      tasks.add(
          scheduler.scheduleWithFixedDelay(
              () -> guarded("CRM polling", this::startPolls),
              crmPollSeconds,
              crmPollSeconds,
              TimeUnit.SECONDS));
    }
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () -> guarded("retention", () -> lanes.start("retention", retention::prune)),
            1,
            60,
            TimeUnit.MINUTES));
    LOG.info("Pipeline workers started (poll interval " + pollIntervalMs + " ms)");
  }

  /** Asks the workers to look for work now (after a webhook was stored). */
  public void wakeUp() {
    Lanes current = lanes;
    if (enabled && current != null) {
      current.start(INBOUND, this::drainInbound);
      startOutboxLanes();
    }
  }

  /** One tick: start each lane that has work and is not running yet. */
  void tick() {
    lanes.start(INBOUND, this::drainInbound);
    startOutboxLanes();
  }

  private int drainInbound() {
    int processed = inbound.drain();
    if (processed > 0) {
      startOutboxLanes(); // what was just processed may have enqueued effects
    }
    return processed;
  }

  private void startOutboxLanes() {
    lanes.start(OUTBOX_SCAN, this::scanOutbox);
  }

  /** One scan: a lane for each target with due work (the lanes of running targets stay). */
  private int scanOutbox() {
    long wait = lastScan.get() + SCAN_FLOOR_NANOS - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    lastScan.set(System.nanoTime());
    for (String target : dispatcher.dueTargets()) {
      lanes.start("outbox " + target, () -> dispatcher.drain(target));
    }
    return 0;
  }

  private void startPolls() {
    for (var connection : connections.crms()) {
      String id = connection.id();
      lanes.start(
          "poll " + id,
          () -> {
            poller.poll(id);
            return 0;
          });
    }
  }

  private static void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " failed", e);
    }
  }

  @PreDestroy
  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }
}

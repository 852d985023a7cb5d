package io.switchboard.engine.application;

import io.switchboard.engine.infrastructure.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the pipeline's workers on the container's managed scheduler: the inbound worker and the
 * outbox dispatcher every poll interval (and at once when a webhook was stored), the CRM poller
 * every {@code switchboard.crm.poll-interval-seconds}. With {@code
 * switchboard.processing.enabled=false} an instance only ingests (useful to split ingest and
 * processing, and in the durability test).
 */
@ApplicationScoped
public class PipelineScheduler {
  private static final Logger LOG = Logger.getLogger(PipelineScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject SchemaMigration migration;
  @Inject InboundWorker inbound;
  @Inject OutboxDispatcher dispatcher;
  @Inject CrmPoller poller;
  @Inject Connections connections;

  @Inject
  @ConfigProperty(name = "switchboard.processing.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "switchboard.processing.poll-interval-ms", defaultValue = "250")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "switchboard.crm.poll-interval-seconds", defaultValue = "30")
  long crmPollSeconds;

  private final AtomicBoolean inboundRunning = new AtomicBoolean();
  private final AtomicBoolean outboxRunning = new AtomicBoolean();
  private final List<Future<?>> tasks = new ArrayList<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migration.ensureMigrated();
    if (!enabled) {
      LOG.warning("switchboard.processing.enabled=false: this instance only ingests webhooks");
      return;
    }
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::runInbound, 500, pollIntervalMs, TimeUnit.MILLISECONDS));
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::runOutbox, 700, pollIntervalMs, TimeUnit.MILLISECONDS));
    // The heartbeat of the outbox leases: an effect that takes long never loses its lease.
    long beat = Math.max(dispatcher.heartbeatInterval().toMillis(), 1000);
    tasks.add(scheduler.scheduleAtFixedRate(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS));
    if (crmPollSeconds > 0) {
      tasks.add(
          scheduler.scheduleWithFixedDelay(
              this::runPoller, crmPollSeconds, crmPollSeconds, TimeUnit.SECONDS));
    }
    LOG.info("Pipeline workers started (poll interval " + pollIntervalMs + " ms)");
  }

  /** Asks the workers to look for work now (after a webhook was stored). */
  public void wakeUp() {
    if (enabled) {
      scheduler.execute(this::runInbound);
    }
  }

  private void runInbound() {
    if (!inboundRunning.compareAndSet(false, true)) {
      return;
    }
    try {
      while (inbound.drain() > 0) {
        // drain until nothing is processable, then let the outbox run
      }
      runOutbox();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "inbound worker failed", e);
    } finally {
      inboundRunning.set(false);
    }
  }

  private void runOutbox() {
    if (!outboxRunning.compareAndSet(false, true)) {
      return;
    }
    try {
      while (dispatcher.drain() > 0) {
        // keep going while there is due work
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox dispatcher failed", e);
    } finally {
      outboxRunning.set(false);
    }
  }

  private void renewLeases() {
    try {
      dispatcher.renewLeases();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "renewing outbox leases failed", e);
    }
  }

  private void runPoller() {
    for (var connection : connections.crms()) {
      try {
        poller.poll(connection.id());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "polling CRM " + connection.id() + " failed", e);
      }
    }
  }

  @PreDestroy
  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }
}

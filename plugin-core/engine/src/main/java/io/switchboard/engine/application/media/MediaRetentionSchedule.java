package io.switchboard.engine.application.media;

import io.switchboard.engine.infrastructure.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link MediaRetention} hourly on processing instances: the managed scheduler only ticks, the
 * sweep runs on the managed executor, at most once at a time, until nothing is left.
 */
@ApplicationScoped
public class MediaRetentionSchedule {
  private static final Logger LOG = Logger.getLogger(MediaRetentionSchedule.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  @Inject SchemaMigration migration;
  @Inject MediaRetention retention;

  @Inject
  @ConfigProperty(name = "switchboard.processing.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean running = new AtomicBoolean();
  private Future<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!enabled) {
      return;
    }
    migration.ensureMigrated();
    task = scheduler.scheduleWithFixedDelay(this::startSweep, 2, 60, TimeUnit.MINUTES);
  }

  private void startSweep() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::sweep);
    } catch (RuntimeException e) {
      running.set(false);
      LOG.log(Level.WARNING, "media retention could not start", e);
    }
  }

  private void sweep() {
    try {
      while (retention.prune() > 0) {
        // keep going while there is more
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "media retention failed", e);
    } finally {
      running.set(false);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}

package io.switchboard.engine.application.templates;

import io.switchboard.engine.infrastructure.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Syncs the templates of every account soon after start-up and then every {@code
 * switchboard.templates.sync-interval} (PT1H), on processing instances only (an ingest-only
 * instance makes no calls to the channels).
 */
@ApplicationScoped
public class TemplateSyncSchedule {
  private static final Logger LOG = Logger.getLogger(TemplateSyncSchedule.class.getName());
  private static final long FIRST_DELAY_SECONDS = 15;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigration migration;
  @Inject TemplateSync sync;

  @Inject
  @ConfigProperty(name = "switchboard.templates.sync-interval", defaultValue = "PT1H")
  String interval;

  @Inject
  @ConfigProperty(name = "switchboard.processing.enabled", defaultValue = "true")
  boolean processing;

  private Future<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Duration every;
    try {
      every = Duration.parse(interval);
    } catch (java.time.format.DateTimeParseException e) {
      LOG.warning(
          "switchboard.templates.sync-interval="
              + interval
              + " is not an ISO-8601 duration (e.g. PT1H): templates are synced only on demand and"
              + " by template webhooks");
      return;
    }
    if (!processing || every.isZero() || every.isNegative()) {
      LOG.info("template sync: not scheduled on this instance (" + interval + ")");
      return;
    }
    migration.ensureMigrated();
    task =
        scheduler.scheduleWithFixedDelay(
            this::syncAllSafely, FIRST_DELAY_SECONDS, every.toSeconds(), TimeUnit.SECONDS);
  }

  private void syncAllSafely() {
    try {
      sync.syncAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "template sync failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}

package io.switchboard.engine.application.routing;

import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.ledger.ParkedEvents;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code switchboard.routing.sweep-seconds} (60), releases events parked for an account that
 * exists by now. Configuring an account releases its events at once; this catches an event parked
 * by a transaction that overlapped with the configuration.
 */
@ApplicationScoped
public class ParkedEventSweeper {
  private static final Logger LOG = Logger.getLogger(ParkedEventSweeper.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ParkedEvents parked;
  @Inject PipelineScheduler pipeline;

  @Inject
  @ConfigProperty(name = "switchboard.routing.sweep-seconds", defaultValue = "60")
  long sweepSeconds;

  @Inject
  @ConfigProperty(name = "switchboard.processing.enabled", defaultValue = "true")
  boolean enabled;

  private Future<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (enabled && sweepSeconds > 0) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }
  }

  void sweep() {
    try {
      int released = parked.releaseRoutable();
      if (released > 0) {
        LOG.info(released + " parked events released: their channel accounts exist now");
        pipeline.wakeUp();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "releasing parked events failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}

package io.switchboard.engine.application.health;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.SchemaMigration;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Probes every connection every {@code switchboard.health.probe-interval-seconds} (60 s) on the
 * container's managed scheduler, and once soon after a connection is configured. A CRM gets one
 * {@code checkReachable()} call (RT: one authenticated GET), which spends no noticeable rate limit;
 * a channel account is UP when its connector can be created from the stored configuration (no call
 * to the channel) and the channel has not rejected its token (the send governor's token pause).
 * Results go to the {@link ConnectionHealthBoard}, never to readiness.
 */
@ApplicationScoped
public class ConnectionHealthProbe {
  private static final Logger LOG = Logger.getLogger(ConnectionHealthProbe.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject SchemaMigration migration;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject ConnectionHealthBoard board;
  @Inject io.switchboard.engine.application.governor.SendGovernor governor;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "switchboard.health.probe-interval-seconds", defaultValue = "60")
  long intervalSeconds;

  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Future<?>> tasks = new ArrayList<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (intervalSeconds <= 0) {
      LOG.info("switchboard.health.probe-interval-seconds <= 0: connection probes are off");
      return;
    }
    migration.ensureMigrated();
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::probeAllSafely, 1, intervalSeconds, TimeUnit.SECONDS));
  }

  /** Probes one connection soon (after it was configured), off the caller's thread. */
  public void probeSoon(Kind kind, String id) {
    if (intervalSeconds > 0) {
      scheduler.execute(() -> probeOneSafely(kind, id));
    }
  }

  /** One round over every configured connection. */
  void probeAll() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous round is still waiting for a slow CRM
    }
    try {
      List<String> keys = new ArrayList<>();
      for (CrmConnection c : connections.crms()) {
        board.record(probe(c));
        keys.add(Kind.CRM.key(c.id()));
      }
      for (ChannelAccount a : connections.channels()) {
        board.record(probe(a));
        keys.add(Kind.CHANNEL.key(a.id()));
      }
      board.retainOnly(keys);
    } finally {
      running.set(false);
    }
  }

  private ConnectionHealth probe(CrmConnection c) {
    return ConnectionCheck.probe(
        Kind.CRM, c.id(), () -> registry.adapter(c).checkReachable(), clock.instant());
  }

  private ConnectionHealth probe(ChannelAccount a) {
    return ConnectionCheck.probe(
        Kind.CHANNEL,
        a.id(),
        () -> {
          registry.connector(a);
          governor.requireUsableToken(a.id()); // a token the channel rejected keeps it DOWN
        },
        clock.instant());
  }

  private void probeOneSafely(Kind kind, String id) {
    try {
      switch (kind) {
        case CRM -> connections.crm(id).map(this::probe).ifPresent(board::record);
        case CHANNEL -> connections.channel(id).map(this::probe).ifPresent(board::record);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "probing " + kind.key(id) + " failed", e);
    }
  }

  private void probeAllSafely() {
    try {
      probeAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "connection health probe failed", e);
    }
  }

  @PreDestroy
  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }
}

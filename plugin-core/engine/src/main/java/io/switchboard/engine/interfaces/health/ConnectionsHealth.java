package io.switchboard.engine.interfaces.health;

import io.switchboard.engine.application.health.ConnectionHealth;
import io.switchboard.engine.application.health.ConnectionHealthBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Each connection's last probed health as data ({@code crm:rt = DOWN}), in {@code /health} and
 * {@code /health/live}. Always UP: a CRM or channel that is down is no reason to restart or to stop
 * routing webhooks to this instance (they wait in the ledger). Anyone can read health, so no reason
 * is shown here; the admin API has it.
 */
@Liveness
@ApplicationScoped
public class ConnectionsHealth implements HealthCheck {
  @Inject ConnectionHealthBoard board;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("connections").up();
    for (ConnectionHealth h : board.all()) {
      b.withData(h.key(), h.status().name());
    }
    return b.build();
  }
}

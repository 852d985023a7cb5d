package io.switchboard.engine.interfaces.health;

import io.switchboard.engine.application.Connections;
import io.switchboard.engine.application.PluginRegistry;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether every configured CRM answers and accepts our credentials. Webhooks are still
 * stored while a CRM is down (they wait in the ledger), so this names the CRM in the data.
 */
@Readiness
@ApplicationScoped
public class CrmReadiness implements HealthCheck {
  @Inject Connections connections;
  @Inject PluginRegistry registry;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("crm-connections").up();
    for (CrmConnection c : connections.crms()) {
      try {
        registry.adapter(c).checkReachable();
        b.withData(c.id(), "reachable");
      } catch (RetryableException e) {
        b.down().withData(c.id(), "unreachable: " + e.getMessage());
      } catch (PermanentException e) {
        b.down().withData(c.id(), "refused: " + e.getMessage());
      } catch (RuntimeException e) {
        b.down().withData(c.id(), "misconfigured: " + e.getMessage());
      }
    }
    return b.build();
  }
}

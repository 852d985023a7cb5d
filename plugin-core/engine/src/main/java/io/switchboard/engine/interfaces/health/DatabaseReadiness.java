package io.switchboard.engine.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers. Failures are logged, never shown to the caller. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:app/jdbc/switchboard")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(c.isValid(2))
          .withData("product", c.getMetaData().getDatabaseProductName())
          .build();
    } catch (Exception e) {
      // health answers anyone: the driver's message (hosts, ports, users) goes to the log only
      LOG.log(Level.WARNING, "database not reachable", e);
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", "not reachable (see the server log)")
          .build();
    }
  }
}

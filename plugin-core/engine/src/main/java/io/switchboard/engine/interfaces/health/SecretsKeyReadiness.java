package io.switchboard.engine.interfaces.health;

import io.switchboard.engine.infrastructure.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without a usable key for connection secrets. */
@Readiness
@ApplicationScoped
public class SecretsKeyReadiness implements HealthCheck {
  @Inject SecretCipher cipher;

  @Override
  public HealthCheckResponse call() {
    return cipher
        .problem()
        .map(
            p ->
                HealthCheckResponse.named("secrets-key")
                    .down()
                    .withData(
                        "error",
                        "switchboard.secrets.key is missing or not a Base64 key of 32 bytes")
                    .build())
        .orElseGet(() -> HealthCheckResponse.named("secrets-key").up().build());
  }
}

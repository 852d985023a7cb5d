package io.switchboard.engine.interfaces.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Readiness is only what stops this instance from taking webhooks")
class ReadinessScopeTest {
  @Test
  @DisplayName("the readiness checks are the database and the secrets key, nothing remote")
  void onlyDatabaseAndSecretsKey() throws Exception {
    var root =
        Paths.get(
            DatabaseReadiness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/switchboard/engine"))) {
      var readiness =
          files
              .map(f -> root.relativize(f).toString())
              .filter(f -> f.endsWith(".class") && !f.contains("$"))
              .map(f -> f.substring(0, f.length() - 6).replace('/', '.'))
              .map(ReadinessScopeTest::load)
              .filter(c -> c.isAnnotationPresent(Readiness.class))
              .toList();
      assertThat(readiness)
          .containsExactlyInAnyOrder(DatabaseReadiness.class, SecretsKeyReadiness.class);
    }
  }

  @Test
  @DisplayName("connections are reported by a check that is not readiness")
  void connectionsAreLivenessData() {
    assertThat(ConnectionsHealth.class.isAnnotationPresent(Liveness.class)).isTrue();
    assertThat(ConnectionsHealth.class.isAnnotationPresent(Readiness.class)).isFalse();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ReadinessScopeTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.switchboard.engine.application.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.spi.PluginState;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A plugin's small state is kept through the engine, encrypted at rest, per connection. */
class PluginStatesTest {
  private final TestDatabase db = new TestDatabase();
  private final TestTransactions tx = db.transactions();
  private final PluginStates states = new PluginStates();

  PluginStatesTest() throws Exception {
    SecretCipher cipher = new SecretCipher();
    Field key = SecretCipher.class.getDeclaredField("configuredKey");
    key.setAccessible(true);
    key.set(
        cipher,
        Optional.of(
            Base64.getEncoder()
                .encodeToString(
                    "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))));
    states.cipher = cipher;
    states.clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    states.em = tx.entityManager();
  }

  /** The bean as the container runs it: each call in its own transaction. */
  private PluginState of(String connection) {
    PluginStates inTx =
        new PluginStates() {
          @Override
          public Optional<String> read(String c, String k) {
            return tx.requiresNew(() -> states.read(c, k));
          }

          @Override
          public void write(String c, String k, String v) {
            tx.run(() -> states.write(c, k, v));
          }

          @Override
          public void delete(String c, String k) {
            tx.run(() -> states.delete(c, k));
          }
        };
    return inTx.of(connection);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("a refreshed token survives, is replaced, removed, and stays apart per connection")
  void keepsValuesPerConnection() {
    PluginState hubspot = of("hubspot-eu");
    PluginState other = of("hubspot-us");
    hubspot.put("oauth.accessToken", "tok-1");
    hubspot.put("oauth.accessToken", "tok-2");
    other.put("oauth.accessToken", "tok-us");
    assertThat(of("hubspot-eu").get("oauth.accessToken")).contains("tok-2");
    assertThat(other.get("oauth.accessToken")).contains("tok-us");
    hubspot.remove("oauth.accessToken");
    assertThat(hubspot.get("oauth.accessToken")).isEmpty();
    assertThat(other.get("oauth.accessToken")).contains("tok-us");
  }

  @Test
  @DisplayName("values are encrypted at rest: the table never holds the plain text")
  void encryptedAtRest() {
    of("rt").put("cursor", "txn:4711-secret-cursor");
    String stored =
        tx.requiresNew(
            () ->
                (String)
                    tx.entityManager()
                        .createNativeQuery("select state_value from plugin_state")
                        .getSingleResult());
    assertThat(stored).doesNotContain("4711").startsWith("v1:");
  }

  @Test
  @DisplayName("keys and values out of bounds are refused")
  void bounds() {
    PluginState state = of("rt");
    assertThatThrownBy(() -> state.put("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> state.put("k".repeat(101), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> state.put("k", "x".repeat(64 * 1024 + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

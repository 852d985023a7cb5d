package io.switchboard.engine.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.application.health.ConnectionHealth.Status;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-connection health")
class ConnectionHealthTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  @DisplayName("a check that returns is UP, with the time it was checked")
  void up() {
    ConnectionHealth h = ConnectionCheck.probe(Kind.CRM, "rt", () -> {}, NOW);
    assertThat(h.status()).isEqualTo(Status.UP);
    assertThat(h.checkedAt()).isEqualTo(NOW);
    assertThat(h.reason()).isNull();
    assertThat(h.key()).isEqualTo("crm:rt");
  }

  @Test
  @DisplayName("the plugin's classified failures are DOWN with a reason that says which")
  void downWithReason() {
    assertThat(
            ConnectionCheck.probe(
                    Kind.CRM,
                    "rt",
                    () -> {
                      throw new RetryableException("connect timed out: rt.example:443", null);
                    },
                    NOW)
                .reason())
        .isEqualTo("unreachable: connect timed out: rt.example:443");
    assertThat(
            ConnectionCheck.probe(
                    Kind.CRM,
                    "rt",
                    () -> {
                      throw new PermanentException("401 token rejected", null);
                    },
                    NOW)
                .reason())
        .isEqualTo("refused: 401 token rejected");
    ConnectionHealth broken =
        ConnectionCheck.probe(
            Kind.CHANNEL,
            "wa-1",
            () -> {
              throw new IllegalStateException("no channel plugin 'x' is installed");
            },
            NOW);
    assertThat(broken.status()).isEqualTo(Status.DOWN);
    assertThat(broken.reason()).startsWith("misconfigured: ");
  }

  @Test
  @DisplayName("the board answers UNKNOWN before the first probe and keeps only configured ones")
  void board() {
    ConnectionHealthBoard board = new ConnectionHealthBoard();
    assertThat(board.of(Kind.CRM, "rt").status()).isEqualTo(Status.UNKNOWN);
    board.record(ConnectionCheck.probe(Kind.CRM, "rt", () -> {}, NOW));
    board.record(ConnectionCheck.probe(Kind.CRM, "old", () -> {}, NOW));
    board.record(ConnectionCheck.probe(Kind.CHANNEL, "rt", () -> {}, NOW));
    assertThat(board.of(Kind.CRM, "rt").status()).isEqualTo(Status.UP);
    board.retainOnly(List.of("crm:rt", "channel:rt"));
    assertThat(board.all())
        .extracting(ConnectionHealth::key)
        .containsExactly("crm:rt", "channel:rt");
  }
}

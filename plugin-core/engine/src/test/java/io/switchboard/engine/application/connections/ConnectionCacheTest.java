package io.switchboard.engine.application.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The connection cache of the webhook path")
class ConnectionCacheTest {
  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private final ConnectionCache<String> cache = new ConnectionCache<>(Duration.ofSeconds(5));
  private final AtomicInteger lookups = new AtomicInteger();

  @Test
  @DisplayName("a scan of random ids keeps nothing in memory and costs one lookup per request")
  void unknownIdsAreNeverRemembered() {
    for (int i = 0; i < 10_000; i++) {
      assertThat(cache.get(UUID.randomUUID().toString(), NOW, this::nothing)).isEmpty();
    }
    assertThat(cache.size()).isZero();
    assertThat(lookups).hasValue(10_000);
  }

  @Test
  @DisplayName("a known connection is looked up once within the TTL, again after it")
  void knownIdsAreCachedForTheTtl() {
    assertThat(cache.get("wa-1", NOW, () -> found("v1"))).contains("v1");
    assertThat(cache.get("wa-1", NOW.plusSeconds(4), () -> found("v2"))).contains("v1");
    assertThat(cache.get("wa-1", NOW.plusSeconds(5), () -> found("v3"))).contains("v3");
    assertThat(lookups).hasValue(2);
    assertThat(cache.size()).isOne();
  }

  @Test
  @DisplayName("a connection that disappears is forgotten at its next lookup")
  void aVanishedConnectionLeavesTheCache() {
    cache.get("wa-1", NOW, () -> found("v1"));
    assertThat(cache.get("wa-1", NOW.plusSeconds(10), this::nothing)).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  @DisplayName("invalidate makes the next lookup read again at once")
  void invalidateForgets() {
    cache.get("wa-1", NOW, () -> found("v1"));
    cache.invalidate("wa-1");
    assertThat(cache.get("wa-1", NOW, () -> found("v2"))).contains("v2");
  }

  private String nothing() {
    lookups.incrementAndGet();
    return null;
  }

  private String found(String value) {
    lookups.incrementAndGet();
    return value;
  }
}

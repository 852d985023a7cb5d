package io.switchboard.engine.infrastructure;

import jakarta.json.spi.JsonProvider;

/**
 * The engine's one JSON-P provider. {@code Json.createXxx()} runs a ServiceLoader lookup of the
 * provider on every call, which in an application server scans every jar of the deployment: on the
 * webhook path that was a fifth of the CPU (docs/performance.md).
 */
public final class EngineJson {
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private EngineJson() {}

  /**
   * A JSON object stored as text (content, referral), or empty when the text is absent, not JSON or
   * not an object: stored JSON from older rows is read leniently.
   */
  public static java.util.Optional<jakarta.json.JsonObject> objectOrEmpty(String json) {
    if (json == null || json.isBlank()) {
      return java.util.Optional.empty();
    }
    try (var reader = PROVIDER.createReader(new java.io.StringReader(json))) {
      return reader.read() instanceof jakarta.json.JsonObject o
          ? java.util.Optional.of(o)
          : java.util.Optional.empty();
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      return java.util.Optional.empty();
    }
  }
}

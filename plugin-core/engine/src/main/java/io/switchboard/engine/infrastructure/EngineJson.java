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
}

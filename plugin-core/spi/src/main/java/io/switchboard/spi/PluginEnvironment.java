package io.switchboard.spi;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a factory gets once, before it creates any plugin: the clock and the factory-wide settings
 * an operator gave for this plugin (MicroProfile Config keys {@code switchboard.plugin.<id>.<key>},
 * e.g. {@code switchboard.plugin.whatsapp-cloud.max-connections=50}).
 *
 * <pre>{@code
 * public void init(PluginEnvironment env) {
 *   int pool = env.setting("max-connections").map(Integer::parseInt).orElse(20);
 *   http = PooledHttp.create(pool);
 * }
 * }</pre>
 *
 * @param clock the engine's clock
 * @param settings the factory-wide settings by key (without the prefix)
 */
public record PluginEnvironment(Clock clock, Map<String, String> settings) {
  public PluginEnvironment {
    Objects.requireNonNull(clock, "clock");
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A factory-wide setting. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }
}

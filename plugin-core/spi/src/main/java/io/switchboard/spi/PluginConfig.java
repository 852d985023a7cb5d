package io.switchboard.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated option values of one plugin connection. Defaults are applied; values are looked up by
 * option name.
 *
 * <pre>{@code
 * PluginConfig config = PluginConfig.of(factory.options(), Map.of("accessToken", "EAAG..."));
 * String token = config.string("accessToken");
 * }</pre>
 */
public final class PluginConfig {

  private final Map<String, String> values;

  private PluginConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates raw values against option declarations and applies defaults.
   *
   * @throws InvalidConfigurationException listing every problem (missing, badly typed, unknown)
   */
  public static PluginConfig of(List<PluginOption> options, Map<String, String> raw)
      throws InvalidConfigurationException {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (PluginOption option : options) {
      String value = raw.get(option.name());
      option.problemWith(value).ifPresent(problems::add);
      if (value != null && !value.isBlank()) {
        values.put(option.name(), value.trim());
      } else if (option.defaultValue() != null) {
        values.put(option.name(), option.defaultValue());
      }
    }
    for (String key : raw.keySet()) {
      if (options.stream().noneMatch(o -> o.name().equals(key))) {
        problems.add(key + " is not an option of this plugin");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return new PluginConfig(values);
  }

  /** Every value, defaults applied, by option name (may hold secrets: never log it). */
  public Map<String, String> values() {
    return values;
  }

  /** The value of an option, or empty when neither given nor defaulted. */
  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of an option that is required or has a default. */
  public String string(String name) {
    return optional(name)
        .orElseThrow(() -> new IllegalStateException("option " + name + " has no value"));
  }

  /** An {@link OptionType#INTEGER} value. */
  public long integer(String name) {
    return Long.parseLong(string(name));
  }

  /** A {@link OptionType#BOOLEAN} value. */
  public boolean bool(String name) {
    return Boolean.parseBoolean(string(name));
  }

  /** A {@link OptionType#DURATION} value. */
  public Duration duration(String name) {
    return Duration.parse(string(name));
  }

  @Override
  public String toString() {
    return "PluginConfig" + values.keySet(); // values may be secrets: never print them
  }
}

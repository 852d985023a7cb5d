package io.switchboard.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option of a plugin, described once so that validation, the admin console and
 * the documentation all come from the same declaration.
 *
 * <pre>{@code
 * static final PluginOption ACCESS_TOKEN =
 *     PluginOption.required("accessToken", OptionType.STRING, "System user access token").asSecret();
 * static final PluginOption GRAPH_URL =
 *     PluginOption.optional("graphApiBaseUrl", OptionType.URL, "Graph API base URL",
 *         "https://graph.facebook.com/v23.0");
 * }</pre>
 *
 * @param name the key in configuration maps, camelCase, unique within a plugin
 * @param type how the value is checked
 * @param required whether a value must be given (a default counts as given)
 * @param secret whether the value is a credential: stored encrypted, never logged or returned
 * @param defaultValue the value used when none is given, or {@code null}
 * @param description one sentence for admins
 */
public record PluginOption(
    String name,
    OptionType type,
    boolean required,
    boolean secret,
    String defaultValue,
    String description) {

  public PluginOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (defaultValue != null) {
      type.problemWith(defaultValue)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException("default of " + name + " " + p);
              });
    }
  }

  /** A required option without default. */
  public static PluginOption required(String name, OptionType type, String description) {
    return new PluginOption(name, type, true, false, null, description);
  }

  /** An optional option with a default value (may be {@code null}). */
  public static PluginOption optional(
      String name, OptionType type, String description, String defaultValue) {
    return new PluginOption(name, type, false, false, defaultValue, description);
  }

  /** The same option, flagged as a secret. */
  public PluginOption asSecret() {
    return new PluginOption(name, type, required, true, defaultValue, description);
  }

  /**
   * Checks a raw value (may be {@code null} or blank for "not given").
   *
   * @return empty when acceptable, otherwise a message naming the option
   */
  public Optional<String> problemWith(String value) {
    if (value == null || value.isBlank()) {
      return required && defaultValue == null
          ? Optional.of(name + " is required")
          : Optional.empty();
    }
    return type.problemWith(value).map(p -> name + " " + p);
  }
}

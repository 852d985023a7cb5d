package io.switchboard.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option of a plugin, described once so that validation, the admin console and
 * the documentation all come from the same declaration.
 *
 * <pre>{@code
 * static final PluginOption ACCESS_TOKEN =
 *     PluginOption.required("accessToken", OptionType.STRING, "System user access token")
 *         .labelled("Access token").asSecret();
 * static final PluginOption GRAPH_URL =
 *     PluginOption.optional("graphApiBaseUrl", OptionType.URL, "Graph API base URL",
 *         "https://graph.facebook.com/v23.0");      // URL options always re-enter secrets
 * static final PluginOption MODE =
 *     PluginOption.optional("mode", OptionType.STRING, "How replies are sent", "api")
 *         .oneOf("api", "mail");
 * }</pre>
 *
 * @param name the key in configuration maps, camelCase, unique within a plugin
 * @param type how the value is checked
 * @param required whether a value must be given (a default counts as given)
 * @param secret whether the value is a credential: stored encrypted, never logged or returned
 * @param defaultValue the value used when none is given, or {@code null}
 * @param description one sentence for admins
 * @param label a short name for forms; defaults to {@code name}
 * @param allowedValues the only values accepted, or empty for any value of the type
 * @param validator the plugin's own check, after the type and allowed values
 * @param reentersSecrets whether changing this option's value requires every secret of the
 *     connection to be entered again (so a stored token is never sent to a new host); always true
 *     for {@link OptionType#URL} options
 */
public record PluginOption(
    String name,
    OptionType type,
    boolean required,
    boolean secret,
    String defaultValue,
    String description,
    String label,
    List<String> allowedValues,
    OptionValidator validator,
    boolean reentersSecrets) {

  public PluginOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    label = label == null || label.isBlank() ? name : label;
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    validator = validator == null ? OptionValidator.none() : validator;
    reentersSecrets = reentersSecrets || type == OptionType.URL;
    if (defaultValue != null) {
      String problem = check(type, allowedValues, validator, defaultValue).orElse(null);
      if (problem != null) {
        throw new IllegalArgumentException("default of " + name + " " + problem);
      }
    }
  }

  /** A required option without default. */
  public static PluginOption required(String name, OptionType type, String description) {
    return new PluginOption(
        name, type, true, false, null, description, null, List.of(), null, false);
  }

  /** An optional option with a default value (may be {@code null}). */
  public static PluginOption optional(
      String name, OptionType type, String description, String defaultValue) {
    return new PluginOption(
        name, type, false, false, defaultValue, description, null, List.of(), null, false);
  }

  /** The same option, flagged as a secret. */
  public PluginOption asSecret() {
    return new PluginOption(
        name,
        type,
        required,
        true,
        defaultValue,
        description,
        label,
        allowedValues,
        validator,
        reentersSecrets);
  }

  /** The same option with a form label. */
  public PluginOption labelled(String newLabel) {
    return new PluginOption(
        name,
        type,
        required,
        secret,
        defaultValue,
        description,
        newLabel,
        allowedValues,
        validator,
        reentersSecrets);
  }

  /** The same option, accepting only these values. */
  public PluginOption oneOf(String... values) {
    return new PluginOption(
        name,
        type,
        required,
        secret,
        defaultValue,
        description,
        label,
        List.of(values),
        validator,
        reentersSecrets);
  }

  /** The same option with the plugin's own check. */
  public PluginOption validatedBy(OptionValidator check) {
    return new PluginOption(
        name,
        type,
        required,
        secret,
        defaultValue,
        description,
        label,
        allowedValues,
        check,
        reentersSecrets);
  }

  /** The same option, requiring the connection's secrets again whenever its value changes. */
  public PluginOption requiresSecretsOnChange() {
    return new PluginOption(
        name,
        type,
        required,
        secret,
        defaultValue,
        description,
        label,
        allowedValues,
        validator,
        true);
  }

  /** The same option, optional (for an option that another object may supply instead). */
  public PluginOption asOptional() {
    return new PluginOption(
        name,
        type,
        false,
        secret,
        defaultValue,
        description,
        label,
        allowedValues,
        validator,
        reentersSecrets);
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
    return check(type, allowedValues, validator, value.trim()).map(p -> name + " " + p);
  }

  private static Optional<String> check(
      OptionType type, List<String> allowed, OptionValidator validator, String value) {
    Optional<String> typeProblem = type.problemWith(value);
    if (typeProblem.isPresent()) {
      return typeProblem;
    }
    if (!allowed.isEmpty() && !allowed.contains(value)) {
      return Optional.of("must be one of " + allowed);
    }
    try {
      return validator.problemWith(value);
    } catch (RuntimeException e) {
      return Optional.of("could not be checked: " + e.getMessage());
    }
  }
}

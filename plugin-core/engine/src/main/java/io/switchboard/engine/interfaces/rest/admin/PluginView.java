package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * An installed plugin and the options it understands.
 *
 * @param id the plugin id (e.g. {@code whatsapp-cloud})
 * @param name its display name
 * @param options its option declarations
 */
record PluginView(String id, String name, List<OptionView> options, List<OptionView> appOptions) {
  PluginView {
    options = List.copyOf(options);
    appOptions = appOptions == null ? null : List.copyOf(appOptions);
  }

  /**
   * One option declaration.
   *
   * @param defaultValue the default, or {@code null} (then the field is left out)
   */
  record OptionView(
      String name,
      String type,
      boolean required,
      boolean secret,
      String description,
      String defaultValue,
      String label,
      List<String> allowedValues,
      boolean reentersSecrets) {
    static OptionView of(PluginOption o) {
      return new OptionView(
          o.name(),
          o.type().name(),
          o.required(),
          o.secret(),
          o.description(),
          o.defaultValue(),
          o.label(),
          o.allowedValues(),
          o.reentersSecrets());
    }

    JsonObject toJson() {
      var b =
          AdminJson.object()
              .add("name", name)
              .add("type", type)
              .add("required", required)
              .add("secret", secret)
              .add("label", label)
              .add("reentersSecrets", reentersSecrets)
              .add("description", description);
      if (defaultValue != null) {
        b.add("default", defaultValue);
      }
      if (!allowedValues.isEmpty()) {
        b.add("allowedValues", EngineJson.PROVIDER.createArrayBuilder(allowedValues));
      }
      return b.build();
    }
  }

  static PluginView of(PluginFactory<?> f) {
    List<OptionView> app =
        f instanceof ChannelConnectorFactory channel
            ? channel.appOptions().stream().map(OptionView::of).toList()
            : null;
    return new PluginView(
        f.id(), f.displayName(), f.options().stream().map(OptionView::of).toList(), app);
  }

  JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("name", name)
            .add("options", AdminJson.array(options, OptionView::toJson));
    if (appOptions != null) {
      b.add("appOptions", AdminJson.array(appOptions, OptionView::toJson));
    }
    return b.build();
  }
}

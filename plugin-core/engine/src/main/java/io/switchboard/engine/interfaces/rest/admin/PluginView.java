package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * An installed plugin and the options it understands.
 *
 * @param id the plugin id (e.g. {@code whatsapp-cloud})
 * @param name its display name
 * @param options its option declarations
 */
record PluginView(String id, String name, List<OptionView> options) {
  PluginView {
    options = List.copyOf(options);
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
      String defaultValue) {
    static OptionView of(PluginOption o) {
      return new OptionView(
          o.name(), o.type().name(), o.required(), o.secret(), o.description(), o.defaultValue());
    }

    JsonObject toJson() {
      var b =
          AdminJson.object()
              .add("name", name)
              .add("type", type)
              .add("required", required)
              .add("secret", secret)
              .add("description", description);
      if (defaultValue != null) {
        b.add("default", defaultValue);
      }
      return b.build();
    }
  }

  static PluginView of(PluginFactory<?> f) {
    return new PluginView(
        f.id(), f.displayName(), f.options().stream().map(OptionView::of).toList());
  }

  JsonObject toJson() {
    return AdminJson.object()
        .add("id", id)
        .add("name", name)
        .add("options", AdminJson.array(options, OptionView::toJson))
        .build();
  }
}

package io.switchboard.engine.application.pipeline;

/**
 * The kind of channel a plugin serves, used as the identity kind of channel user ids: the plugin id
 * up to its first dash ({@code whatsapp-cloud} -> {@code whatsapp}), so that two WhatsApp plugins
 * would recognise the same customer.
 */
public final class ChannelKinds {
  private ChannelKinds() {}

  public static String of(String pluginId) {
    int dash = pluginId.indexOf('-');
    return dash > 0 ? pluginId.substring(0, dash) : pluginId;
  }

  public static String displayName(String kind) {
    return switch (kind) {
      case "whatsapp" -> "WhatsApp";
      case "messenger" -> "Messenger";
      case "instagram" -> "Instagram";
      default -> kind;
    };
  }
}

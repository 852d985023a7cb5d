package io.switchboard.spi.content;

import java.util.Locale;

/** The kind of a media message; channels limit size and MIME types per kind. */
public enum MediaKind {
  IMAGE,
  VIDEO,
  AUDIO,
  /** A recorded voice note (audio the customer spoke into the app). */
  VOICE,
  DOCUMENT,
  STICKER,
  /** An animated sticker. */
  ANIMATED_STICKER;

  /** The type name used in {@link InboundContent#type()}, e.g. {@code image}. */
  public String typeName() {
    return switch (this) {
      case VOICE -> "audio";
      case ANIMATED_STICKER -> "sticker";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}

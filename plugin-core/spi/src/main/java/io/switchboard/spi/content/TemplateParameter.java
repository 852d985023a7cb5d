package io.switchboard.spi.content;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A typed value for a template placeholder.
 *
 * <pre>{@code
 * TemplateParameter.text("4567")
 * TemplateParameter.currency(new BigDecimal("99.80"), "AED", "AED 99.80")
 * TemplateParameter.media(Media.byLink(MediaKind.IMAGE, "https://shop.example/banner.jpg", null))
 * }</pre>
 */
public sealed interface TemplateParameter {

  /** The placeholder's name for named templates ({@code {{order_id}}}), or {@code null}. */
  String name();

  /** Text. */
  record TextValue(String name, String text) implements TemplateParameter {
    public TextValue {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An amount with its currency and the text shown where the channel cannot format it. */
  record CurrencyValue(String name, BigDecimal amount, String currency, String fallback)
      implements TemplateParameter {
    public CurrencyValue {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(fallback, "fallback");
    }
  }

  /** A date and time with the text shown where the channel cannot format it. */
  record DateTimeValue(String name, OffsetDateTime at, String fallback)
      implements TemplateParameter {
    public DateTimeValue {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(fallback, "fallback");
    }
  }

  /** A header image, video or document. */
  record MediaValue(String name, Media media) implements TemplateParameter {
    public MediaValue {
      Objects.requireNonNull(media, "media");
    }
  }

  /** A positional text value. */
  static TemplateParameter text(String text) {
    return new TextValue(null, text);
  }

  /** A positional currency value. */
  static TemplateParameter currency(BigDecimal amount, String currency, String fallback) {
    return new CurrencyValue(null, amount, currency, fallback);
  }

  /** A media header. */
  static TemplateParameter media(Media media) {
    return new MediaValue(null, media);
  }
}

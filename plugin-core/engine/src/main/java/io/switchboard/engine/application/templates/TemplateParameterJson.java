package io.switchboard.engine.application.templates;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.TemplateParameter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One typed template value in JSON, the same in the admin API's request and in a stored message:
 * {@code {"type": "text", "text": "4567"}}, {@code {"type": "currency", "amount": "99.80",
 * "currency": "AED", "fallback": "AED 99.80"}}, {@code {"type": "date_time", "at":
 * "2026-12-07T10:00:00+04:00", "fallback": "Monday"}}, {@code {"type": "media", "kind": "image",
 * "link": "https://..."}}; each may carry a {@code name} for named templates.
 */
public final class TemplateParameterJson {
  private TemplateParameterJson() {}

  public static JsonObject write(TemplateParameter p) {
    JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder();
    if (p.name() != null) {
      b.add("name", p.name());
    }
    if (p instanceof TemplateParameter.TextValue t) {
      b.add("type", "text").add("text", t.text());
    } else if (p instanceof TemplateParameter.CurrencyValue c) {
      b.add("type", "currency")
          .add("amount", c.amount().toPlainString())
          .add("currency", c.currency())
          .add("fallback", c.fallback());
    } else if (p instanceof TemplateParameter.DateTimeValue d) {
      b.add("type", "date_time").add("at", d.at().toString()).add("fallback", d.fallback());
    } else {
      Media m = ((TemplateParameter.MediaValue) p).media();
      b.add("type", "media").add("kind", m.kind().name().toLowerCase(Locale.ROOT));
      put(b, "link", m.link());
      put(b, "reference", m.reference());
      put(b, "caption", m.caption());
      put(b, "fileName", m.fileName());
    }
    return b.build();
  }

  /**
   * @throws IllegalArgumentException with a sentence for the caller when the value is malformed
   */
  public static TemplateParameter read(JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      throw new IllegalArgumentException("a parameter is an object with a type");
    }
    String name = text(o, "name");
    String type = text(o, "type");
    if (type == null) {
      throw new IllegalArgumentException(
          "a parameter needs a type: text, currency, date_time, media");
    }
    switch (type) {
      case "text":
        return new TemplateParameter.TextValue(name, required(o, "text", type));
      case "currency":
        return new TemplateParameter.CurrencyValue(
            name, amount(o), required(o, "currency", type), required(o, "fallback", type));
      case "date_time":
        return new TemplateParameter.DateTimeValue(
            name, at(required(o, "at", type)), required(o, "fallback", type));
      case "media":
        return new TemplateParameter.MediaValue(name, media(o));
      default:
        throw new IllegalArgumentException(
            "parameter type " + type + " is not one of text, currency, date_time, media");
    }
  }

  private static Media media(JsonObject o) {
    String kind = required(o, "kind", "media");
    MediaKind k;
    try {
      k = MediaKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("media kind " + kind + " is not image, video or document");
    }
    String link = text(o, "link");
    String reference = text(o, "reference");
    if (link == null && reference == null) {
      throw new IllegalArgumentException("a media parameter needs a link");
    }
    return new Media(k, reference, link, null, text(o, "caption"), text(o, "fileName"), -1, null);
  }

  private static BigDecimal amount(JsonObject o) {
    JsonValue v = o.get("amount");
    try {
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s) {
        return new BigDecimal(s.getString());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("a currency parameter needs an amount such as \"99.80\"");
  }

  private static OffsetDateTime at(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "a date_time parameter needs \"at\" as ISO-8601 with offset, e.g."
              + " 2026-12-07T10:00:00+04:00");
    }
  }

  private static String required(JsonObject o, String key, String type) {
    String v = text(o, key);
    if (v == null) {
      throw new IllegalArgumentException("a " + type + " parameter needs \"" + key + "\"");
    }
    return v;
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}

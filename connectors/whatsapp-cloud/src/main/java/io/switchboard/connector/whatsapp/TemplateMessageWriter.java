package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.SendMessageRequest.addIfPresent;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the {@code template} object of a template message: header, body and button components with
 * their typed parameters (text, currency as {@code amount_1000}, date-time, media header by link or
 * id), and buttons: {@code quick_reply} (payload), {@code url} (suffix), {@code catalog}, and
 * {@code copy_code} (a coupon code, as {@code sub_type: COPY_CODE} with a {@code coupon_code}
 * parameter, per Meta's coupon template guide; Meta's v23.0 contract does not list it).
 */
final class TemplateMessageWriter {

  /** Writes a media header's object (link or id). */
  interface MediaWriter {
    JsonObjectBuilder media(Media media) throws PermanentException;
  }

  /** Template button kinds this writer sends. */
  private static final Set<String> BUTTON_KINDS =
      Set.of("quick_reply", "url", "catalog", "copy_code");

  /** amount_1000 is an int32 in Meta's contract. */
  private static final BigDecimal MAX_AMOUNT_1000 = BigDecimal.valueOf(Integer.MAX_VALUE);

  /** Meta: coupon codes are alphanumeric, at most 15 characters. */
  private static final String COUPON_CODE = "[A-Za-z0-9]{1,15}";

  private final SendMessageRequest requests;
  private final MediaWriter media;

  TemplateMessageWriter(SendMessageRequest requests, MediaWriter media) {
    this.requests = requests;
    this.media = media;
  }

  JsonObjectBuilder template(Template template) throws PermanentException {
    JsonArrayBuilder components = requests.array();
    for (TemplateComponent component : template.components()) {
      components.add(component(component));
    }
    return requests
        .object()
        .add("name", template.name())
        .add("language", requests.object().add("code", template.language()))
        .add("components", components);
  }

  private JsonObjectBuilder component(TemplateComponent component) throws PermanentException {
    JsonObjectBuilder object =
        requests.object().add("type", component.part().name().toLowerCase(Locale.ROOT));
    if (component.part() == TemplateComponent.Part.BUTTON) {
      return button(object, component);
    }
    JsonArrayBuilder parameters = requests.array();
    for (TemplateParameter parameter : component.parameters()) {
      parameters.add(parameter(parameter));
    }
    return object.add("parameters", parameters);
  }

  private JsonObjectBuilder button(JsonObjectBuilder object, TemplateComponent component)
      throws PermanentException {
    String kind =
        component.buttonKind() == null
            ? "quick_reply"
            : component.buttonKind().toLowerCase(Locale.ROOT);
    if (!BUTTON_KINDS.contains(kind) || component.buttonIndex() < 0) {
      throw invalid(
          "WhatsApp template buttons are quick_reply, url, catalog or copy_code with an index; got "
              + kind
              + " at "
              + component.buttonIndex());
    }
    object
        .add("sub_type", "copy_code".equals(kind) ? "COPY_CODE" : kind)
        .add("index", Integer.toString(component.buttonIndex()));
    JsonArrayBuilder parameters = requests.array();
    for (TemplateParameter parameter : component.parameters()) {
      String value = parameter instanceof TemplateParameter.TextValue t ? t.text() : null;
      if (value == null) {
        throw invalid("WhatsApp template button parameters are text");
      }
      parameters.add(
          switch (kind) {
            case "quick_reply" -> requests.object().add("type", "payload").add("payload", value);
            case "copy_code" -> couponCode(value);
            default -> requests.object().add("type", "text").add("text", value);
          });
    }
    return object.add("parameters", parameters);
  }

  private JsonObjectBuilder couponCode(String value) throws PermanentException {
    if (!value.matches(COUPON_CODE)) {
      throw invalid(
          "a WhatsApp coupon code is 1 to 15 letters or digits; \"" + value + "\" is not");
    }
    return requests.object().add("type", "coupon_code").add("coupon_code", value);
  }

  private JsonObjectBuilder parameter(TemplateParameter parameter) throws PermanentException {
    JsonObjectBuilder object;
    if (parameter instanceof TemplateParameter.TextValue t) {
      object = requests.object().add("type", "text").add("text", t.text());
    } else if (parameter instanceof TemplateParameter.CurrencyValue c) {
      object =
          requests
              .object()
              .add("type", "currency")
              .add(
                  "currency",
                  requests
                      .object()
                      .add("fallback_value", c.fallback())
                      .add("code", c.currency())
                      .add("amount_1000", amount1000(c.amount())));
    } else if (parameter instanceof TemplateParameter.DateTimeValue d) {
      object =
          requests
              .object()
              .add("type", "date_time")
              .add("date_time", requests.object().add("fallback_value", d.fallback()));
    } else {
      Media header = ((TemplateParameter.MediaValue) parameter).media();
      String type = header.kind().typeName();
      if (!Set.of("image", "video", "document").contains(type)) {
        throw invalid("a WhatsApp template header takes an image, video or document, not " + type);
      }
      object = requests.object().add("type", type).add(type, media.media(header));
    }
    return addIfPresent(object, "parameter_name", parameter.name());
  }

  private static long amount1000(BigDecimal amount) throws PermanentException {
    BigDecimal scaled = amount.movePointRight(3);
    if (scaled.abs().compareTo(MAX_AMOUNT_1000) > 0 || scaled.stripTrailingZeros().scale() > 0) {
      throw invalid(
          "WhatsApp template amounts have at most 3 decimals and fit amount_1000 (int32): "
              + amount.toPlainString());
    }
    return scaled.longValueExact();
  }

  private static PermanentException invalid(String message) {
    return new PermanentException(message, null, "invalid-content", FailureReason.INVALID_CONTENT);
  }
}

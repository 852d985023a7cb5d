package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.SendMessageRequest.addIfPresent;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import io.switchboard.spi.content.Text;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an {@link OutboundMessage} as the Cloud API's send body. Everything it writes validates
 * against Meta's published contract (see WhatsAppCloudSendIT). What it cannot send properly is
 * refused with {@link FailureReason#NOT_IMPLEMENTED} before any call: shared contacts, and media
 * given by the engine's reference instead of a link (that needs an upload to WhatsApp first).
 */
final class OutboundContentWriter {

  /** The {@code OutboundContent.type()}s {@link #write} sends. */
  static final Set<String> SENDABLE_TYPES =
      Set.of(
          "text",
          "image",
          "video",
          "audio",
          "document",
          "sticker",
          "location",
          "reaction",
          "interactive",
          "template",
          "mark_read");

  /** Template button kinds and the parameter type Meta wants for each. */
  private static final Set<String> BUTTON_KINDS = Set.of("quick_reply", "url", "catalog");

  /** amount_1000 is an int32 in Meta's contract. */
  private static final BigDecimal MAX_AMOUNT_1000 = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final SendMessageRequest requests;

  OutboundContentWriter(SendMessageRequest requests) {
    this.requests = requests;
  }

  /** The JSON body for this message. */
  String write(OutboundMessage message) throws PermanentException {
    if (message.content() instanceof MarkRead read) {
      return requests.markRead(read.externalId(), read.showTyping());
    }
    String to = recipient(message);
    String reply = message.replyToExternalId();
    OutboundContent content = message.content();
    if (content instanceof Text text) {
      return requests.message(
          to,
          "text",
          requests.object().add("preview_url", text.previewUrl()).add("body", text.body()),
          reply);
    }
    if (content instanceof Media media) {
      return requests.message(to, media.kind().typeName(), media(media), reply);
    }
    if (content instanceof Location location) {
      return requests.message(to, "location", location(location), reply);
    }
    if (content instanceof Reaction reaction) {
      return requests.message(
          to,
          "reaction",
          requests
              .object()
              .add("message_id", reaction.targetExternalId())
              .add("emoji", reaction.emoji()),
          null);
    }
    if (content instanceof Interactive interactive) {
      return requests.message(to, "interactive", interactive(interactive), reply);
    }
    if (content instanceof Template template) {
      return requests.message(to, "template", template(template), reply);
    }
    throw notImplemented(content.type());
  }

  static PermanentException notImplemented(String type) {
    return new PermanentException(
        "sending WhatsApp " + type + " messages is not implemented yet",
        null,
        "not-implemented",
        FailureReason.NOT_IMPLEMENTED);
  }

  private JsonObjectBuilder media(Media media) throws PermanentException {
    if (media.link() == null) {
      throw new PermanentException(
          "sending WhatsApp "
              + media.type()
              + " by reference (uploading media to WhatsApp) is not implemented yet; give a link",
          null,
          "not-implemented",
          FailureReason.NOT_IMPLEMENTED);
    }
    JsonObjectBuilder object = requests.object().add("link", media.link());
    boolean captioned =
        media.kind() == MediaKind.IMAGE
            || media.kind() == MediaKind.VIDEO
            || media.kind() == MediaKind.DOCUMENT;
    if (captioned) {
      addIfPresent(object, "caption", media.caption());
    }
    if (media.kind() == MediaKind.DOCUMENT) {
      addIfPresent(object, "filename", media.fileName());
    }
    return object;
  }

  private JsonObjectBuilder location(Location location) {
    JsonObjectBuilder object =
        requests
            .object()
            .add("latitude", location.latitude())
            .add("longitude", location.longitude());
    addIfPresent(object, "name", location.name());
    return addIfPresent(object, "address", location.address());
  }

  private JsonObjectBuilder interactive(Interactive interactive) throws PermanentException {
    JsonObjectBuilder object =
        requests
            .object()
            .add("type", interactive.style() == Interactive.Style.BUTTONS ? "button" : "list");
    if (interactive.header() != null) {
      object.add("header", requests.object().add("type", "text").add("text", interactive.header()));
    }
    object.add("body", requests.object().add("text", interactive.body()));
    if (interactive.footer() != null) {
      object.add("footer", requests.object().add("text", interactive.footer()));
    }
    JsonObjectBuilder action = requests.object();
    if (interactive.style() == Interactive.Style.BUTTONS) {
      JsonArrayBuilder buttons = requests.array();
      for (Interactive.Option option : interactive.options()) {
        buttons.add(
            requests
                .object()
                .add("type", "reply")
                .add(
                    "reply",
                    requests.object().add("id", option.id()).add("title", option.title())));
      }
      action.add("buttons", buttons);
    } else {
      if (interactive.listButton() == null) {
        throw new PermanentException(
            "a WhatsApp list message needs the label of its list button",
            null,
            "invalid-content",
            FailureReason.INVALID_CONTENT);
      }
      JsonArrayBuilder sections = requests.array();
      for (Interactive.Section section : interactive.sections()) {
        JsonArrayBuilder rows = requests.array();
        for (Interactive.Option option : section.options()) {
          rows.add(
              addIfPresent(
                  requests.object().add("id", option.id()).add("title", option.title()),
                  "description",
                  option.description()));
        }
        sections.add(addIfPresent(requests.object(), "title", section.title()).add("rows", rows));
      }
      action.add("button", interactive.listButton()).add("sections", sections);
    }
    return object.add("action", action);
  }

  private JsonObjectBuilder template(Template template) throws PermanentException {
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
    JsonArrayBuilder parameters = requests.array();
    if (component.part() == TemplateComponent.Part.BUTTON) {
      String kind = component.buttonKind() == null ? "quick_reply" : component.buttonKind();
      if (!BUTTON_KINDS.contains(kind) || component.buttonIndex() < 0) {
        throw new PermanentException(
            "WhatsApp template buttons are quick_reply, url or catalog with an index; got "
                + kind
                + " at "
                + component.buttonIndex(),
            null,
            "invalid-content",
            FailureReason.INVALID_CONTENT);
      }
      object.add("sub_type", kind).add("index", Integer.toString(component.buttonIndex()));
      for (TemplateParameter parameter : component.parameters()) {
        String value = parameter instanceof TemplateParameter.TextValue t ? t.text() : null;
        if (value == null) {
          throw new PermanentException(
              "WhatsApp template button parameters are text",
              null,
              "invalid-content",
              FailureReason.INVALID_CONTENT);
        }
        parameters.add(
            "quick_reply".equals(kind)
                ? requests.object().add("type", "payload").add("payload", value)
                : requests.object().add("type", "text").add("text", value));
      }
    } else {
      for (TemplateParameter parameter : component.parameters()) {
        parameters.add(parameter(parameter));
      }
    }
    return object.add("parameters", parameters);
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
      Media media = ((TemplateParameter.MediaValue) parameter).media();
      String type = media.kind().typeName();
      if (!Set.of("image", "video", "document").contains(type)) {
        throw new PermanentException(
            "a WhatsApp template header takes an image, video or document, not " + type,
            null,
            "invalid-content",
            FailureReason.INVALID_CONTENT);
      }
      object = requests.object().add("type", type).add(type, media(media));
    }
    return addIfPresent(object, "parameter_name", parameter.name());
  }

  private static long amount1000(BigDecimal amount) throws PermanentException {
    BigDecimal scaled = amount.movePointRight(3);
    if (scaled.abs().compareTo(MAX_AMOUNT_1000) > 0 || scaled.stripTrailingZeros().scale() > 0) {
      throw new PermanentException(
          "WhatsApp template amounts have at most 3 decimals and fit amount_1000 (int32): "
              + amount.toPlainString(),
          null,
          "invalid-content",
          FailureReason.INVALID_CONTENT);
    }
    return scaled.longValueExact();
  }

  /** The recipient in digits: the WhatsApp id, else the E.164 phone without its plus sign. */
  private static String recipient(OutboundMessage message) throws PermanentException {
    if (message.recipientId().matches("[0-9]{5,20}")) {
      return message.recipientId();
    }
    String phone = message.recipientPhone();
    if (phone != null && phone.matches("\\+?[0-9]{5,20}")) {
      return phone.startsWith("+") ? phone.substring(1) : phone;
    }
    throw new PermanentException(
        "WhatsApp recipient must be a WhatsApp id or an E.164 phone number, got \""
            + message.recipientId()
            + "\"",
        null,
        "invalid-recipient",
        FailureReason.RECIPIENT_UNREACHABLE);
  }
}

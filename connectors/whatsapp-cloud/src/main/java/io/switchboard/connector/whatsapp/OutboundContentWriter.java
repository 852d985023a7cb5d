package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.SendMessageRequest.addIfPresent;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.content.CatalogProducts;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.Text;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/**
 * Writes an {@link OutboundMessage} as the Cloud API's send body. Everything it writes validates
 * against Meta's published contract (see WhatsAppCloudSendIT), except template {@code COPY_CODE}
 * buttons, which the contract lacks and Meta's send guide documents. Media go by link or by the id
 * {@link WhatsAppMediaUploader} returned; shared contacts are written by {@link
 * ContactsMessageWriter}, templates by {@link TemplateMessageWriter}.
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
          "contacts",
          "reaction",
          "interactive",
          "catalog_products",
          "template",
          "mark_read");

  private final SendMessageRequest requests;
  private final ContactsMessageWriter contacts;
  private final TemplateMessageWriter templates;
  private final CatalogMessageWriter catalog;

  OutboundContentWriter(SendMessageRequest requests) {
    this.requests = requests;
    this.contacts = new ContactsMessageWriter(requests);
    this.templates = new TemplateMessageWriter(requests, this::media);
    this.catalog = new CatalogMessageWriter(requests);
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
    if (content instanceof CatalogProducts products) {
      return requests.message(to, "interactive", catalog.interactive(products), reply);
    }
    if (content instanceof Template template) {
      return requests.message(to, "template", templates.template(template), reply);
    }
    if (content instanceof Contacts shared) {
      return requests.message(to, "contacts", contacts.contacts(shared), reply);
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

  /**
   * {@code {"link":...}} or {@code {"id":...}}: a reference must be a WhatsApp media id (digits),
   * i.e. what {@code uploadMedia} returned.
   */
  JsonObjectBuilder media(Media media) throws PermanentException {
    JsonObjectBuilder object;
    if (media.link() != null) {
      object = requests.object().add("link", media.link());
    } else if (media.reference().matches("[0-9]{1,40}")) {
      object = requests.object().add("id", media.reference());
    } else {
      throw new PermanentException(
          "\""
              + media.reference()
              + "\" is not a WhatsApp media id: upload the file to WhatsApp first (uploadMedia)"
              + " or give a link",
          null,
          "invalid-media-id",
          FailureReason.INVALID_CONTENT);
    }
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

  /**
   * The recipient: the WhatsApp id in digits, else the E.164 phone without its plus sign, else a
   * business-scoped user id ({@code US.13491208655302741918}) of a customer who shares no phone.
   */
  private static String recipient(OutboundMessage message) throws PermanentException {
    if (message.recipientId().matches("[0-9]{5,20}")) {
      return message.recipientId();
    }
    String phone = message.recipientPhone();
    if (phone != null && phone.matches("\\+?[0-9]{5,20}")) {
      return phone.startsWith("+") ? phone.substring(1) : phone;
    }
    if (SendMessageRequest.isBusinessScopedId(message.recipientId())) {
      return message.recipientId();
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

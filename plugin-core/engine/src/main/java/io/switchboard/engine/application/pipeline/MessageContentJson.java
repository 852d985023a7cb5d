package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.InboundContent;
import io.switchboard.spi.content.InteractiveReply;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.OrderItem;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The engine's neutral JSON form of structured message content and context, stored with each
 * message ({@code message.content_json}) for the agent view and the API: the same shape whatever
 * channel the message came from. Amounts and coordinates are written as exact decimal strings.
 */
final class MessageContentJson {
  private MessageContentJson() {}

  static String write(InboundContent content, MessageContext context) {
    JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder().add("type", content.type());
    if (content instanceof Text t) {
      b.add("text", t.body());
    } else if (content instanceof Media m) {
      b.add("kind", m.kind().name());
      put(b, "reference", m.reference());
      put(b, "link", m.link());
      put(b, "mimeType", m.mimeType());
      put(b, "caption", m.caption());
      put(b, "fileName", m.fileName());
      put(b, "sha256", m.sha256());
      if (m.size() >= 0) {
        b.add("size", m.size());
      }
    } else if (content instanceof Location l) {
      b.add("latitude", l.latitude().toPlainString())
          .add("longitude", l.longitude().toPlainString());
      put(b, "name", l.name());
      put(b, "address", l.address());
    } else if (content instanceof Contacts c) {
      JsonArrayBuilder cards = EngineJson.PROVIDER.createArrayBuilder();
      c.cards().forEach(card -> cards.add(card(card)));
      b.add("cards", cards);
    } else if (content instanceof Reaction r) {
      b.add("target", r.targetExternalId()).add("emoji", r.emoji()).add("removed", r.removed());
    } else if (content instanceof Order o) {
      put(b, "catalogId", o.catalogId());
      put(b, "note", o.note());
      JsonArrayBuilder items = EngineJson.PROVIDER.createArrayBuilder();
      for (OrderItem i : o.items()) {
        items.add(
            EngineJson.PROVIDER
                .createObjectBuilder()
                .add("productId", i.productId())
                .add("quantity", i.quantity())
                .add("unitPrice", i.unitPrice().toPlainString())
                .add("currency", i.currency()));
      }
      b.add("items", items).add("total", o.total().toPlainString());
      put(b, "currency", o.currency());
    } else if (content instanceof InteractiveReply r) {
      b.add("kind", r.kind().name());
      put(b, "id", r.id());
      put(b, "title", r.title());
      put(b, "description", r.description());
      put(b, "response", r.responseJson());
    } else if (content instanceof SystemNotice n) {
      b.add("kind", n.kind().name());
      put(b, "text", n.text());
      put(b, "previousId", n.previousId());
      put(b, "newId", n.newId());
    } else if (content instanceof Unsupported u) {
      put(b, "reason", u.reason());
    }
    b.add("summary", content.summary());
    if (context.quotedExternalId() != null) {
      b.add("quoted", context.quotedExternalId());
    }
    if (context.forwarded()) {
      b.add("forwarded", true).add("frequentlyForwarded", context.frequentlyForwarded());
    }
    if (context.referral() != null) {
      b.add("referral", referral(context.referral()));
    }
    return b.build().toString();
  }

  static String referral(Referral r) {
    JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder();
    put(b, "sourceType", r.sourceType());
    put(b, "sourceId", r.sourceId());
    put(b, "sourceUrl", r.sourceUrl());
    put(b, "headline", r.headline());
    put(b, "body", r.body());
    put(b, "mediaType", r.mediaType());
    put(b, "clickId", r.clickId());
    return b.build().toString();
  }

  private static JsonObjectBuilder card(ContactCard card) {
    JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder();
    put(b, "name", card.formattedName());
    put(b, "organisation", card.organisation());
    put(b, "channelUserId", card.channelUserId());
    b.add("phones", entries(card.phones()))
        .add("emails", entries(card.emails()))
        .add("addresses", entries(card.addresses()));
    return b;
  }

  private static JsonArrayBuilder entries(List<ContactCard.Entry> entries) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    for (ContactCard.Entry e : entries) {
      if (e.value() == null) {
        continue;
      }
      JsonObjectBuilder o = EngineJson.PROVIDER.createObjectBuilder().add("value", e.value());
      put(o, "label", e.label());
      a.add(o);
    }
    return a;
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}

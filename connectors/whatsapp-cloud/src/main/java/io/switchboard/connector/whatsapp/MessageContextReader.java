package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.LenientJson.bool;
import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import jakarta.json.JsonObject;

/**
 * A message's {@code context} (the quoted message, forwarded flags) and click-to-WhatsApp ad {@code
 * referral}, for customer and business messages alike.
 */
final class MessageContextReader {

  private MessageContextReader() {}

  static MessageContext context(JsonObject message) {
    JsonObject context = object(message, "context");
    JsonObject referral = object(message, "referral");
    if (context == null && referral == null) {
      return MessageContext.NONE;
    }
    return new MessageContext(
        text(context, "id"),
        bool(context, "forwarded"),
        bool(context, "frequently_forwarded"),
        referral == null
            ? null
            : new Referral(
                text(referral, "source_type"),
                text(referral, "source_id"),
                text(referral, "source_url"),
                text(referral, "headline"),
                text(referral, "body"),
                text(referral, "media_type"),
                text(referral, "ctwa_clid")));
  }
}

package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.UnreadableParts.unreadable;
import static io.switchboard.connector.whatsapp.UnreadableParts.why;
import static io.switchboard.connector.whatsapp.model.LenientJson.objects;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.connector.whatsapp.model.UnreadablePartException;
import io.switchboard.connector.whatsapp.model.WebhookChange;
import io.switchboard.connector.whatsapp.model.WebhookMessage;
import io.switchboard.spi.channel.BusinessMessage;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.InboundEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * Reads the coexistence fields of a number that is also used in the WhatsApp Business app:
 *
 * <ul>
 *   <li>{@code smb_message_echoes}: {@code value.message_echoes[]}, each a message the business
 *       sent from the app ({@code from} = the business, {@code to} = the customer) becomes a {@link
 *       BusinessMessage} of origin {@link BusinessMessage.Origin#ECHO};
 *   <li>{@code history}: {@code value.history[].threads[]} (thread {@code id} = the customer),
 *       whose {@code messages[]} become a {@link CustomerMessage} when {@code from} is the customer
 *       and a {@link BusinessMessage} of origin {@link BusinessMessage.Origin#HISTORY} otherwise. A
 *       declined history ({@code history[].errors}) gives no events.
 * </ul>
 *
 * Content is translated like inbound messages; a media message the history lists without its file
 * ({@code media_placeholder}) is kept as unsupported content with WhatsApp's type.
 */
final class BusinessMessageReader {

  private final InboundContentTranslator contents;

  BusinessMessageReader(InboundContentTranslator contents) {
    this.contents = contents;
  }

  void echoes(WebhookChange change, String position, List<InboundEvent> events) {
    List<JsonValue> echoes = change.elements("message_echoes");
    for (int i = 0; i < echoes.size(); i++) {
      try {
        WebhookMessage message = WebhookMessage.read(echoes.get(i));
        String to = recipient(message.json());
        if (to == null) {
          throw new UnreadablePartException("message echo names no customer (no \"to\")");
        }
        events.add(business(message, change, customer(to), BusinessMessage.Origin.ECHO));
      } catch (UnreadablePartException | RuntimeException e) {
        events.add(
            unreadable(
                change.phoneNumberId(),
                position + "echo" + i,
                change.path() + ".value.message_echoes[" + i + "]: " + why(e),
                echoes.get(i)));
      }
    }
  }

  void history(WebhookChange change, String position, List<InboundEvent> events) {
    List<JsonValue> chunks = change.elements("history");
    for (int h = 0; h < chunks.size(); h++) {
      List<JsonObject> threads =
          chunks.get(h) instanceof JsonObject chunk ? objects(chunk, "threads") : List.of();
      for (int t = 0; t < threads.size(); t++) {
        JsonObject thread = threads.get(t);
        List<JsonValue> messages =
            thread.get("messages") instanceof JsonArray array ? array : List.of();
        for (int m = 0; m < messages.size(); m++) {
          String where = "history[" + h + "].threads[" + t + "].messages[" + m + "]";
          try {
            events.add(historic(WebhookMessage.read(messages.get(m)), text(thread, "id"), change));
          } catch (UnreadablePartException | RuntimeException e) {
            events.add(
                unreadable(
                    change.phoneNumberId(),
                    position + "history" + h + "." + t + "." + m,
                    change.path() + ".value." + where + ": " + why(e),
                    messages.get(m)));
          }
        }
      }
    }
  }

  private InboundEvent historic(WebhookMessage message, String threadId, WebhookChange change)
      throws UnreadablePartException {
    String customerId = threadId != null ? normalized(threadId) : null;
    String to = recipient(message.json());
    if (customerId == null && to == null) {
      throw new UnreadablePartException("history message has no thread id and no \"to\"");
    }
    if (customerId == null) {
      customerId = normalized(to);
    }
    boolean fromCustomer =
        message.from() != null && normalized(message.from()).equals(customerId) && to == null;
    if (!fromCustomer) {
      return business(message, change, customer(customerId), BusinessMessage.Origin.HISTORY);
    }
    return new CustomerMessage(
        message.id(),
        account(change),
        customer(customerId),
        Instant.ofEpochSecond(message.timestamp()),
        contents.translate(message),
        MessageContextReader.context(message.json()),
        message.json().toString());
  }

  private BusinessMessage business(
      WebhookMessage message, WebhookChange change, ChannelUser to, BusinessMessage.Origin origin)
      throws UnreadablePartException {
    return new BusinessMessage(
        message.id(),
        account(change),
        to,
        Instant.ofEpochSecond(message.timestamp()),
        contents.translate(message),
        MessageContextReader.context(message.json()),
        origin,
        message.json().toString());
  }

  static String account(WebhookChange change) throws UnreadablePartException {
    if (change.phoneNumberId() == null) {
      throw new UnreadablePartException("the change has no \"metadata.phone_number_id\"");
    }
    return change.phoneNumberId();
  }

  /** {@code to}, else a business-scoped {@code to_user_id} / {@code recipient_user_id}. */
  private static String recipient(JsonObject message) {
    String to = text(message, "to");
    if (to == null) {
      to = text(message, "to_user_id");
    }
    return to != null ? to : text(message, "recipient_user_id");
  }

  /** The customer: a phone number is given only for a phone-based id. */
  private static ChannelUser customer(String id) {
    String normalized = normalized(id);
    return new ChannelUser(normalized, isPhone(id) ? normalized : null, null);
  }

  /**
   * A phone number as WhatsApp ids write it (digits only: Meta echoes {@code to} as it was given,
   * e.g. {@code +1 650-555-1234}); any other id as it is.
   */
  static String normalized(String id) {
    return isPhone(id) ? id.replaceAll("[^0-9]", "") : id.trim();
  }

  private static boolean isPhone(String id) {
    return id.matches("\\s*\\+?[0-9][0-9 ().\\-]{3,30}\\s*");
  }
}

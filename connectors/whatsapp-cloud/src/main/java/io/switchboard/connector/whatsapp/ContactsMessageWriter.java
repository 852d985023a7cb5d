package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes shared contact cards as Meta's {@code contacts} message: every field a {@link ContactCard}
 * has. The name goes as {@code formatted_name} and, because Meta wants one more name field beside
 * it and a name cannot be split reliably, also as {@code first_name}; each address line as {@code
 * street}; the organisation as {@code org.company}; the card's WhatsApp id as the {@code wa_id} of
 * its matching (else first) phone. Labels go as {@code type} only when they are {@code HOME} or
 * {@code WORK}, the only values Meta's contract accepts.
 */
final class ContactsMessageWriter {

  /** Meta's contract: 1 to 5 cards per message. */
  static final int MAX_CARDS = 5;

  private static final Set<String> TYPES = Set.of("HOME", "WORK");

  private final SendMessageRequest requests;

  ContactsMessageWriter(SendMessageRequest requests) {
    this.requests = requests;
  }

  /** The {@code contacts} array (the payload of a {@code contacts} message). */
  JsonArrayBuilder contacts(Contacts contacts) throws PermanentException {
    if (contacts.cards().isEmpty() || contacts.cards().size() > MAX_CARDS) {
      throw new PermanentException(
          "WhatsApp shares 1 to "
              + MAX_CARDS
              + " contacts in one message; this one has "
              + contacts.cards().size(),
          null,
          "invalid-content",
          contacts.cards().isEmpty() ? FailureReason.INVALID_CONTENT : FailureReason.TOO_LARGE);
    }
    JsonArrayBuilder cards = requests.array();
    for (ContactCard card : contacts.cards()) {
      cards.add(card(card));
    }
    return cards;
  }

  private JsonObjectBuilder card(ContactCard card) throws PermanentException {
    String name = card.formattedName();
    if (name == null || name.isBlank()) {
      throw new PermanentException(
          "a contact shared on WhatsApp needs a name",
          null,
          "invalid-content",
          FailureReason.INVALID_CONTENT);
    }
    JsonObjectBuilder object =
        requests
            .object()
            .add("name", requests.object().add("formatted_name", name).add("first_name", name));
    JsonArrayBuilder phones = phones(card);
    if (!card.phones().isEmpty() || waId(card) != null) {
      object.add("phones", phones);
    }
    if (!card.emails().isEmpty()) {
      object.add("emails", entries(card.emails(), "email"));
    }
    if (!card.addresses().isEmpty()) {
      object.add("addresses", entries(card.addresses(), "street"));
    }
    if (card.organisation() != null && !card.organisation().isBlank()) {
      object.add("org", requests.object().add("company", card.organisation()));
    }
    return object;
  }

  private JsonArrayBuilder phones(ContactCard card) {
    String waId = waId(card);
    JsonArrayBuilder phones = requests.array();
    List<ContactCard.Entry> entries = card.phones();
    int carrier = -1; // the phone that carries the wa_id
    for (int i = 0; waId != null && i < entries.size(); i++) {
      if (digits(entries.get(i).value()).equals(waId)) {
        carrier = i;
      }
    }
    if (waId != null && carrier < 0 && !entries.isEmpty()) {
      carrier = 0;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonObjectBuilder phone = entry(entries.get(i), "phone");
      if (i == carrier) {
        phone.add("wa_id", waId);
      }
      phones.add(phone);
    }
    if (entries.isEmpty() && waId != null) {
      phones.add(requests.object().add("phone", "+" + waId).add("wa_id", waId));
    }
    return phones;
  }

  private JsonArrayBuilder entries(List<ContactCard.Entry> entries, String key) {
    JsonArrayBuilder array = requests.array();
    for (ContactCard.Entry entry : entries) {
      array.add(entry(entry, key));
    }
    return array;
  }

  private JsonObjectBuilder entry(ContactCard.Entry entry, String key) {
    JsonObjectBuilder object = requests.object().add(key, entry.value());
    String label = entry.label() == null ? null : entry.label().trim().toUpperCase(Locale.ROOT);
    return TYPES.contains(label) ? object.add("type", label) : object;
  }

  /** The card's WhatsApp id when it is one (digits), else {@code null}. */
  private static String waId(ContactCard card) {
    String id = card.channelUserId();
    return id != null && id.matches("[0-9]{5,20}") ? id : null;
  }

  private static String digits(String value) {
    return value == null ? "" : value.replaceAll("[^0-9]", "");
  }
}

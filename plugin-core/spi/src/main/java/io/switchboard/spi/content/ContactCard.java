package io.switchboard.spi.content;

import java.util.List;

/**
 * One shared contact (a vCard-like card).
 *
 * <pre>{@code
 * new ContactCard("Amal Haddad", List.of(new ContactCard.Entry("CELL", "+971501234567")),
 *     List.of(new ContactCard.Entry("WORK", "amal@example.com")), List.of(), "Haddad Trading", null)
 * }</pre>
 *
 * @param formattedName the name as shown, or {@code null}
 * @param phones phone numbers with their labels
 * @param emails e-mail addresses with their labels
 * @param addresses postal addresses (one line each) with their labels
 * @param organisation the company, or {@code null}
 * @param channelUserId the contact's id on the channel (WhatsApp {@code wa_id}), or {@code null}
 */
public record ContactCard(
    String formattedName,
    List<Entry> phones,
    List<Entry> emails,
    List<Entry> addresses,
    String organisation,
    String channelUserId) {

  /** A labelled value. @param label e.g. {@code CELL}, {@code WORK}, or {@code null} */
  public record Entry(String label, String value) {}

  public ContactCard {
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }
}

package io.switchboard.spi.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more shared contact cards.
 *
 * <pre>{@code
 * new Contacts(List.of(card))
 * }</pre>
 */
public record Contacts(List<ContactCard> cards) implements InboundContent, OutboundContent {
  public Contacts {
    cards = List.copyOf(cards);
  }

  @Override
  public String type() {
    return "contacts";
  }

  @Override
  public String summary() {
    return (cards.size() == 1 ? "Shared contact: " : "Shared contacts: ")
        + cards.stream()
            .map(
                c -> {
                  String who = c.formattedName() == null ? "(no name)" : c.formattedName();
                  String reach =
                      java.util.stream.Stream.concat(c.phones().stream(), c.emails().stream())
                          .map(ContactCard.Entry::value)
                          .collect(Collectors.joining(", "));
                  return reach.isEmpty() ? who : who + " (" + reach + ")";
                })
            .collect(Collectors.joining("; "));
  }
}

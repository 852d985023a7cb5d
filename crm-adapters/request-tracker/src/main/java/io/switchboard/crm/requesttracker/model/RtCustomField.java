package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * An RT custom field definition (REST2 {@code /customfield/{id}}).
 *
 * @param id RT's id
 * @param name the name, unique per lookup type
 * @param type RT's type: {@code Freeform}, {@code Text}, {@code Wikitext}, {@code HTML}, {@code
 *     Select}, {@code Combobox}, {@code Autocomplete}, {@code Date}, {@code DateTime}, {@code
 *     IPAddress}, {@code IPAddressRange}, {@code Image}, {@code Binary}
 * @param maxValues how many values an object may hold, {@code 0} for any number
 * @param lookupType what it applies to: {@code RT::Queue-RT::Ticket} (tickets), {@code RT::User}
 *     (users), ...
 * @param pattern the validation regex; RT's "Mandatory" is {@code (?#Mandatory).}
 * @param values the allowed values of a {@code Select}/{@code Combobox}/{@code Autocomplete}
 * @param disabled whether it is disabled
 */
public record RtCustomField(
    String id,
    String name,
    String type,
    int maxValues,
    String lookupType,
    String pattern,
    List<String> values,
    boolean disabled) {
  public static final String TICKET_LOOKUP = "RT::Queue-RT::Ticket";
  public static final String USER_LOOKUP = "RT::User";

  public RtCustomField {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** Reads a REST2 custom field record. */
  public static RtCustomField fromJson(JsonObject json) {
    String max = RtJson.nonBlank(json, "MaxValues");
    int maxValues;
    try {
      maxValues = max == null ? 0 : Integer.parseInt(max);
    } catch (NumberFormatException e) {
      maxValues = 0;
    }
    return new RtCustomField(
        RtJson.text(json, "id"),
        RtJson.nonBlank(json, "Name"),
        RtJson.nonBlank(json, "Type"),
        maxValues,
        RtJson.nonBlank(json, "LookupType"),
        RtJson.text(json, "Pattern"),
        RtJson.texts(json, "Values"),
        "1".equals(RtJson.text(json, "Disabled")));
  }

  /** Whether RT refuses an object without a value (its "Mandatory" validation). */
  public boolean mandatory() {
    return pattern != null && pattern.contains("(?#Mandatory)");
  }
}

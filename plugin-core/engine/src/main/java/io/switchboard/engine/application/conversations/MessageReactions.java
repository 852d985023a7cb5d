package io.switchboard.engine.application.conversations;

import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reactions standing on each message of a timeline: a reaction message names the message it
 * reacts to; a later reaction by the same side replaces the earlier one, and an empty emoji removes
 * it (WhatsApp's rule: one reaction per person per message).
 */
public final class MessageReactions {
  /**
   * One reaction standing on a message.
   *
   * @param fromCustomer whether the customer reacted (else the business)
   * @param emoji the emoji
   */
  public record Standing(boolean fromCustomer, String emoji) {}

  private MessageReactions() {}

  /**
   * @param timeline messages oldest first
   * @return the standing reactions by the channel id of the message they react to
   */
  public static Map<String, List<Standing>> of(List<Message> timeline) {
    Map<String, Map<Boolean, String>> byTarget = new LinkedHashMap<>();
    for (Message m : timeline) {
      if (!"reaction".equals(m.contentType()) || m.contentJson() == null) {
        continue;
      }
      JsonObject c = parse(m.contentJson());
      if (c == null || !(c.get("target") instanceof JsonString target)) {
        continue;
      }
      String emoji = c.get("emoji") instanceof JsonString e ? e.getString() : "";
      Map<Boolean, String> sides =
          byTarget.computeIfAbsent(target.getString(), t -> new LinkedHashMap<>());
      boolean fromCustomer = Message.IN.equals(m.direction());
      if (emoji.isEmpty()) {
        sides.remove(fromCustomer);
      } else {
        sides.put(fromCustomer, emoji);
      }
    }
    Map<String, List<Standing>> standing = new LinkedHashMap<>();
    byTarget.forEach(
        (target, sides) -> {
          List<Standing> list = new ArrayList<>();
          sides.forEach((side, emoji) -> list.add(new Standing(side, emoji)));
          if (!list.isEmpty()) {
            standing.put(target, List.copyOf(list));
          }
        });
    return standing;
  }

  private static JsonObject parse(String json) {
    return EngineJson.objectOrEmpty(json).orElse(null);
  }
}

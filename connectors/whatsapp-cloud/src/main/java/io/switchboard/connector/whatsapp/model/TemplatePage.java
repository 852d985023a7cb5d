package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /<waba-id>/message_templates}: {@code {"data":[{template}...],
 * "paging":{"cursors":{"before":"...","after":"..."},"next":"https://graph.facebook.com/..."}}}.
 * Per the Graph API's cursor paging, a page without {@code paging.next} is the last one.
 *
 * @param templates the page's template objects
 * @param after the {@code after} cursor, or {@code null}
 * @param next the {@code paging.next} URL, or {@code null} on the last page
 */
public record TemplatePage(List<JsonObject> templates, String after, String next) {

  /** Reads a page; empty when the body has no {@code data} array. */
  public static Optional<TemplatePage> parse(String body, JsonReaderFactory json) {
    try (JsonReader reader = json.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject page)
          || !(page.get("data") instanceof jakarta.json.JsonArray)) {
        return Optional.empty();
      }
      JsonObject paging = LenientJson.object(page, "paging");
      return Optional.of(
          new TemplatePage(
              LenientJson.objects(page, "data"),
              LenientJson.text(LenientJson.object(paging, "cursors"), "after"),
              LenientJson.text(paging, "next")));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}

package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiFailureClassifier.Operation;
import io.switchboard.connector.whatsapp.model.TemplatePage;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The message templates of the WhatsApp Business Account a number belongs to: {@code GET
 * /<waba-id>/message_templates?fields=...&limit=100}, page after page until a page has no {@code
 * paging.next}. The next page is asked for with the {@code after} cursor on the configured Graph
 * API host, so the token never goes to a URL taken from an answer.
 *
 * <pre>{@code
 * List<TemplateDefinition> all = connector.capability(TemplateCatalog.class).get().templates();
 * }</pre>
 */
final class WhatsAppTemplateCatalog implements TemplateCatalog {

  static final String FIELDS = "id,name,language,status,category,components,rejected_reason";
  static final int PAGE_SIZE = 100;

  /** A WhatsApp Business Account holds at most a few thousand templates; stop well after that. */
  static final int MAX_PAGES = 500;

  private final WhatsAppGraphClient graph;
  private final String businessAccountId;

  WhatsAppTemplateCatalog(WhatsAppGraphClient graph, String businessAccountId) {
    this.graph = graph;
    this.businessAccountId = businessAccountId;
  }

  @Override
  public List<TemplateDefinition> templates() throws RetryableException, PermanentException {
    List<TemplateDefinition> all = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      TemplatePage answer = page(after);
      for (JsonObject template : answer.templates()) {
        TemplateDefinitionReader.read(template).ifPresent(all::add);
      }
      if (answer.next() == null) {
        return all;
      }
      if (answer.after() == null || !cursors.add(answer.after())) {
        throw new RetryableException(
            "WhatsApp's template list has a next page but no new 'after' cursor (page "
                + (page + 1)
                + "); try again later",
            null,
            null,
            FailureReason.UNAVAILABLE);
      }
      after = answer.after();
    }
    throw new PermanentException(
        "WhatsApp's template list did not end after " + MAX_PAGES + " pages of " + PAGE_SIZE,
        null,
        "template-paging",
        FailureReason.OTHER);
  }

  private TemplatePage page(String after) throws RetryableException, PermanentException {
    String query =
        "/"
            + businessAccountId
            + "/message_templates?fields="
            + URLEncoder.encode(FIELDS, StandardCharsets.UTF_8)
            + "&limit="
            + PAGE_SIZE
            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    String body = graph.get(query, Operation.TEMPLATE_SYNC).body();
    return TemplatePage.parse(body, graph.readers())
        .orElseThrow(
            () ->
                new RetryableException(
                    "WhatsApp answered the template list without a \"data\" array",
                    null,
                    null,
                    FailureReason.UNAVAILABLE));
  }

  @Override
  public String toString() {
    return "WhatsAppTemplateCatalog[waba=" + businessAccountId + "]";
  }
}

package io.switchboard.spi.channel;

import java.util.Objects;

/**
 * The channel changed one of the account's message templates: its status (approved, rejected,
 * paused, disabled), its category, or its quality. The engine refreshes its copy of the templates
 * of every account of the app that share the template's business account.
 *
 * <pre>{@code
 * new TemplateUpdate("102290129340398", "1234567890", "order_update", "en_US",
 *     TemplateUpdate.Change.STATUS, "APPROVED", null, "1700000000", "{...}")
 * }</pre>
 *
 * @param accountId the account the change concerns as the channel names it (WhatsApp: the WhatsApp
 *     Business Account id, which is not a phone number id; the engine does not route it to one
 *     number but applies it to the app)
 * @param templateId the channel's template id, or {@code null}
 * @param name the template name, or {@code null}
 * @param language the template language, or {@code null}
 * @param change what changed
 * @param value the new status or category
 * @param reason the channel's reason, or {@code null}
 * @param eventKey a value that makes the change unique (e.g. the webhook's timestamp)
 * @param rawJson the channel's JSON of the change
 * @since 2.2.0
 */
public record TemplateUpdate(
    String accountId,
    String templateId,
    String name,
    String language,
    Change change,
    String value,
    String reason,
    String eventKey,
    String rawJson)
    implements InboundEvent {

  /** What changed about the template. */
  public enum Change {
    STATUS,
    CATEGORY,
    QUALITY,
    OTHER
  }

  public TemplateUpdate {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public String dedupeKey() {
    return "template:"
        + (templateId != null ? templateId : name + "/" + language)
        + ":"
        + change.name().toLowerCase(java.util.Locale.ROOT)
        + ":"
        + value
        + ":"
        + eventKey;
  }

  @Override
  public String orderingKey() {
    return "templates:" + accountId;
  }
}

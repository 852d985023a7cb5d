package io.switchboard.spi.crm;

import java.util.Map;
import java.util.Objects;

/**
 * A customer as the engine knows them, to be mirrored as the CRM's requester.
 *
 * <pre>{@code
 * new Requester("c0a8...", "Kerry Fisher", "+16505551234", Map.of("whatsapp", "16505551234"), "en")
 * }</pre>
 *
 * @param customerId the engine's stable customer id
 * @param displayName a name to show, or {@code null}
 * @param phoneE164 the phone number in E.164 ({@code +16505551234}), or {@code null}
 * @param channelIds the customer's user id per channel kind ({@code whatsapp}, {@code messenger})
 * @param language a BCP 47 language tag, or {@code null}
 * @param email the customer's real e-mail address when the bridge knows one, else {@code null};
 *     adapters that give channel customers placeholder addresses (so the CRM never mails them) may
 *     keep it in a field instead
 * @param fields mapped requester fields to set, by {@link
 *     io.switchboard.spi.crm.capability.FieldDescriptor#key()}; empty when nothing is mapped.
 *     Adapters without {@link io.switchboard.spi.crm.capability.MappedFields} ignore them.
 * @since 2.1.0 {@code email} and {@code fields}
 */
public record Requester(
    String customerId,
    String displayName,
    String phoneE164,
    Map<String, String> channelIds,
    String language,
    String email,
    Map<String, String> fields) {
  public Requester {
    Objects.requireNonNull(customerId, "customerId");
    channelIds = channelIds == null ? Map.of() : Map.copyOf(channelIds);
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A requester without e-mail or mapped fields (SPI 2.0 shape). */
  public Requester(
      String customerId,
      String displayName,
      String phoneE164,
      Map<String, String> channelIds,
      String language) {
    this(customerId, displayName, phoneE164, channelIds, language, null, Map.of());
  }
}

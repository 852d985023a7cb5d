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
 */
public record Requester(
    String customerId,
    String displayName,
    String phoneE164,
    Map<String, String> channelIds,
    String language) {
  public Requester {
    Objects.requireNonNull(customerId, "customerId");
    channelIds = channelIds == null ? Map.of() : Map.copyOf(channelIds);
  }
}

package io.switchboard.spi.crm.capability;

import java.util.Map;

/**
 * What the CRM holds about a requester.
 *
 * @param requesterId the CRM's id
 * @param name the name, or {@code null}
 * @param email the e-mail address, or {@code null}
 * @param phone the phone number as stored, or {@code null}
 * @param language a BCP 47 tag, or {@code null}
 * @param fields further values by field key
 */
public record CustomerProfile(
    String requesterId,
    String name,
    String email,
    String phone,
    String language,
    Map<String, String> fields) {
  public CustomerProfile {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}

package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import jakarta.json.JsonObject;

/**
 * An entry of {@code value.contacts[]}: who wrote. Since 2026 WhatsApp may identify a user by a
 * business-scoped {@code user_id} (with a {@code parent_user_id} and a {@code username}) and leave
 * out the phone-based {@code wa_id}.
 *
 * @param waId the phone-based WhatsApp id, or {@code null}
 * @param userId the business-scoped user id, or {@code null}
 * @param parentUserId the parent business-scoped user id, or {@code null}
 * @param username the user's WhatsApp username, or {@code null}
 * @param profileName the profile name, or {@code null}
 */
public record WebhookContact(
    String waId, String userId, String parentUserId, String username, String profileName) {

  /** Reads one contact; {@code null} when it names nobody (neither wa_id nor user_id). */
  public static WebhookContact read(JsonObject contact) {
    JsonObject profile = object(contact, "profile");
    String username = text(contact, "username");
    WebhookContact read =
        new WebhookContact(
            text(contact, "wa_id"),
            text(contact, "user_id"),
            text(contact, "parent_user_id"),
            username != null ? username : text(profile, "username"),
            text(profile, "name"));
    return read.waId() == null && read.userId() == null ? null : read;
  }
}

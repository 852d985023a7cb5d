package io.switchboard.connector.whatsapp.model;

/**
 * An entry of {@code value.contacts[]}: the customer's WhatsApp id and profile name.
 *
 * @param waId the WhatsApp user id
 * @param profileName the profile name, or {@code null}
 */
public record WebhookContact(String waId, String profileName) {}

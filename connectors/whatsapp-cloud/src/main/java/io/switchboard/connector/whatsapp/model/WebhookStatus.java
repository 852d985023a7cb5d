package io.switchboard.connector.whatsapp.model;

/**
 * One {@code value.statuses[]} object: how far a message we sent got.
 *
 * @param id the {@code wamid} of our message
 * @param status {@code sent}, {@code delivered}, {@code read}, {@code failed}, or another value
 *     Meta uses (e.g. {@code deleted}, {@code warning})
 * @param timestamp epoch seconds
 * @param recipientId the customer's WhatsApp id
 * @param errorCode {@code errors[0].code} as text, or {@code null}
 * @param errorTitle {@code errors[0].title} (or {@code message}), or {@code null}
 * @param errorDetails {@code errors[0].error_data.details}, or {@code null}
 */
public record WebhookStatus(
    String id,
    String status,
    long timestamp,
    String recipientId,
    String errorCode,
    String errorTitle,
    String errorDetails) {}

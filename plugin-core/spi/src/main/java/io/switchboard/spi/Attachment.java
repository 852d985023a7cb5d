package io.switchboard.spi;

/**
 * A file that travels with a message, in either direction.
 *
 * <pre>{@code
 * new Attachment("invoice.pdf", "application/pdf", 48213, "wa-media:1013859600285441", null)
 * }</pre>
 *
 * @param fileName the file name shown to people, or {@code null} when the channel gives none
 * @param contentType the MIME type, e.g. {@code image/jpeg}
 * @param size size in bytes, or {@code -1} when unknown
 * @param reference where the bytes can be fetched from (a channel media id, a CRM attachment id),
 *     or {@code null} when {@link #data} holds them
 * @param data the bytes, when already downloaded, else {@code null}
 */
public record Attachment(
    String fileName, String contentType, long size, String reference, byte[] data) {}

package io.switchboard.crm.requesttracker;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.CustomerEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MIME e-mail through which a customer's message enters RT's mail gateway "from" the requester,
 * so RT records the requester as the transaction's author; the same for an agent's reply sent from
 * the bridge's inbox view (recorded as that agent's). The idempotency key travels as the {@code
 * Message-ID} ({@link #messageIdFor}), which RT stores and REST2 can search, and which also marks
 * the message as the bridge's own ({@link #isBridgeMessageId}: never an agent reply).
 */
final class MailGatewayMessage {
  private static final String NL = "\n";
  private static final Pattern BRIDGE_MESSAGE_ID =
      Pattern.compile("(?i)sb\\.[0-9a-f]{64}@switchboard\\.invalid");

  private MailGatewayMessage() {}

  /**
   * The Message-ID (without angle brackets) that carries an idempotency key: a hash, because keys
   * may hold characters a Message-ID cannot.
   */
  static String messageIdFor(String idempotencyKey) {
    return "sb." + sha256Hex(idempotencyKey) + "@switchboard.invalid";
  }

  /**
   * Whether a Message-ID (with or without angle brackets) is one {@link #messageIdFor} made: a
   * message the bridge itself wrote into RT, which must never come back as an agent reply.
   */
  static boolean isBridgeMessageId(String messageId) {
    if (messageId == null) {
      return false;
    }
    String bare = messageId.trim();
    if (bare.startsWith("<") && bare.endsWith(">")) {
      bare = bare.substring(1, bare.length() - 1).trim();
    }
    return BRIDGE_MESSAGE_ID.matcher(bare).matches();
  }

  /**
   * Writes the e-mail of a customer's message.
   *
   * @param fromName the requester's real name, or {@code null}
   * @param fromAddress the requester's e-mail address in RT (how the gateway finds the user)
   * @throws PermanentException when an attachment comes without its bytes
   */
  static String write(String fromName, String fromAddress, CustomerEntry entry)
      throws PermanentException {
    return write(
        fromName,
        fromAddress,
        "Customer message",
        entry.idempotencyKey(),
        entry.sentAt(),
        entry.text(),
        entry.attachments());
  }

  /**
   * Writes the e-mail of a message by anyone RT knows by address (a requester, an agent).
   *
   * @param fromName the author's real name, or {@code null}
   * @param fromAddress the author's e-mail address in RT (how the gateway finds the user)
   * @param subject the mail's subject (RT shows it on the transaction, not on the ticket)
   * @param idempotencyKey the key the Message-ID is made from
   * @param sentAt the mail's Date, or {@code null} for none
   * @param text the body, or {@code null}
   * @param attachments files, with their bytes
   * @throws PermanentException when an attachment comes without its bytes
   */
  static String write(
      String fromName,
      String fromAddress,
      String subject,
      String idempotencyKey,
      Instant sentAt,
      String text,
      List<Attachment> attachments)
      throws PermanentException {
    String boundary = "sb-" + sha256Hex(idempotencyKey).substring(0, 24);
    StringBuilder mail = new StringBuilder();
    header(mail, "From", mailbox(fromName, fromAddress));
    header(mail, "Subject", subject);
    if (sentAt != null) {
      header(
          mail,
          "Date",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(sentAt.atOffset(ZoneOffset.UTC)));
    }
    header(mail, "Message-ID", "<" + messageIdFor(idempotencyKey) + ">");
    if (isPlainAscii(idempotencyKey) && idempotencyKey.length() <= 200) {
      header(mail, "X-Switchboard-Key", idempotencyKey);
    }
    header(mail, "MIME-Version", "1.0");
    header(mail, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
    mail.append(NL);
    mail.append("--").append(boundary).append(NL);
    header(mail, "Content-Type", "text/plain; charset=utf-8");
    header(mail, "Content-Transfer-Encoding", "base64");
    mail.append(NL)
        .append(base64Lines((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
    for (Attachment file : attachments == null ? List.<Attachment>of() : attachments) {
      if (file.data() == null) {
        throw new PermanentException(
            "attachment "
                + file.fileName()
                + " has no bytes: download the media before writing the message to RT",
            null);
      }
      String name =
          file.fileName() == null || file.fileName().isBlank() ? "attachment" : file.fileName();
      String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
      mail.append("--").append(boundary).append(NL);
      header(mail, "Content-Type", type + "; name=" + quotedOrEncoded(name));
      header(mail, "Content-Disposition", "attachment; " + filenameParameter(name));
      header(mail, "Content-Transfer-Encoding", "base64");
      mail.append(NL).append(base64Lines(file.data()));
    }
    mail.append("--").append(boundary).append("--").append(NL);
    return mail.toString();
  }

  private static void header(StringBuilder mail, String name, String value) {
    mail.append(name).append(": ").append(value.replaceAll("[\r\n]+", " ")).append(NL);
  }

  private static String mailbox(String name, String address) {
    if (name == null || name.isBlank()) {
      return "<" + address + ">";
    }
    return quotedOrEncoded(name) + " <" + address + ">";
  }

  /** A quoted string when plain ASCII, else an RFC 2047 encoded word. */
  private static String quotedOrEncoded(String text) {
    if (isPlainAscii(text)) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  /** {@code filename="..."}, or the RFC 2231 form for non-ASCII names. */
  private static String filenameParameter(String name) {
    if (isPlainAscii(name)) {
      return "filename=" + quotedOrEncoded(name);
    }
    StringBuilder encoded = new StringBuilder("filename*=UTF-8''");
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return encoded.toString();
  }

  private static boolean isPlainAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static String base64Lines(byte[] bytes) {
    return Base64.getMimeEncoder(76, NL.getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes)
        + NL;
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

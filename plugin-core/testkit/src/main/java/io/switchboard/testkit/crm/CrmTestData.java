package io.switchboard.testkit.crm;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Realistic, unique test data for one CRM test: a WhatsApp customer with a phone number no other
 * test uses, their conversation, and their messages. CRMs in tests are shared and never reset, so
 * every call to {@link #unique()} gives new ids.
 *
 * <pre>{@code
 * CrmTestData data = CrmTestData.unique();
 * String requester = crm.upsertRequester(data.requester());
 * String ticket = crm.openTicket(data.ticket(requester));
 * crm.appendCustomerMessage(ticket, data.message(requester, "Where is my order 4567?"));
 * }</pre>
 */
public final class CrmTestData {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A 1x1 transparent PNG: a real image file, 67 bytes. */
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

  private final String digits;
  private final String run;
  private final AtomicInteger sequence = new AtomicInteger();

  private CrmTestData(String digits, String run) {
    this.digits = digits;
    this.run = run;
  }

  /** Data for a customer nobody else uses: a fictional US number {@code +1555xxxxxxx}. */
  public static CrmTestData unique() {
    String digits = "1555" + String.format("%07d", RANDOM.nextInt(10_000_000));
    String run = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    return new CrmTestData(digits, run);
  }

  /** The customer's phone in E.164, e.g. {@code +15551234567}. */
  public String phoneE164() {
    return "+" + digits;
  }

  /** The customer's WhatsApp id (the phone's digits, as WhatsApp's {@code wa_id}). */
  public String whatsAppId() {
    return digits;
  }

  /** The engine's customer id. */
  public String customerId() {
    return "cust-" + run;
  }

  /** The engine's conversation id. */
  public String conversationId() {
    return "conv-" + run;
  }

  /** A second conversation id of the same customer. */
  public String otherConversationId() {
    return "conv-" + run + "-b";
  }

  /** The customer as the engine knows them. */
  public Requester requester() {
    return requester("Kerry Fisher " + digits.substring(digits.length() - 4));
  }

  /** The customer with another display name (e.g. after a WhatsApp profile change). */
  public Requester requester(String displayName) {
    return new Requester(
        customerId(), displayName, phoneE164(), Map.of("whatsapp", whatsAppId()), "en");
  }

  /** The conversation's ticket. */
  public TicketSpec ticket(String requesterId) {
    return ticket(requesterId, conversationId());
  }

  /** A ticket for a given conversation of this customer. */
  public TicketSpec ticket(String requesterId, String conversationId) {
    return new TicketSpec(
        conversationId,
        requesterId,
        "WhatsApp conversation with " + phoneE164(),
        "WhatsApp",
        phoneE164());
  }

  /** Text no other message anywhere contains, so it can be searched for: {@code prefix [id]}. */
  public String uniqueText(String prefix) {
    return prefix + " [" + run + "-" + sequence.incrementAndGet() + "]";
  }

  /** A customer text message with a fresh idempotency key (like WhatsApp's {@code wamid}). */
  public CustomerEntry message(String requesterId, String text) {
    return message(requesterId, text, List.of());
  }

  /** A customer message with files. */
  public CustomerEntry message(String requesterId, String text, List<Attachment> attachments) {
    return new CustomerEntry(
        "msg:wamid.HBgL" + digits + run + sequence.incrementAndGet(),
        requesterId,
        text,
        attachments,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** A small real PNG photo, with its bytes. */
  public static Attachment photo(String fileName) {
    return new Attachment(fileName, "image/png", PNG.length, null, PNG.clone());
  }
}

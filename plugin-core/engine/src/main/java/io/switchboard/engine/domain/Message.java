package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a conversation, from the customer ({@code IN}) or to them ({@code OUT}), or an
 * agent's internal note ({@code NOTE}): in the timeline, never sent, never the customer's or the
 * business's words.
 */
@Entity
@Table(name = "message")
public class Message {
  public static final String IN = "IN";
  public static final String OUT = "OUT";
  public static final String NOTE = "NOTE";

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "conversation_id")
  private String conversationId;

  @Column(name = "channel_id")
  private String channelId;

  private String direction;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "content_type")
  private String contentType;

  private String body;

  @Column(name = "raw_json")
  private String rawJson;

  /** The structured content in the engine's neutral JSON form ({@code MessageContentJson}). */
  @Column(name = "content_json")
  private String contentJson;

  @Column(name = "quoted_external_id")
  private String quotedExternalId;

  private Boolean forwarded;

  /** The neutral reason of a failure ({@code FailureReason} name), beside the vendor's code. */
  @Column(name = "failure_reason")
  private String failureReason;

  @Enumerated(EnumType.STRING)
  private MessageStatus status;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  private String author;

  @Column(name = "crm_entry_id")
  private String crmEntryId;

  @Column(name = "source_event_id")
  private String sourceEventId;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "status_at")
  private Instant statusAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Message() {}

  /** A message the customer sent, as the channel delivered it. */
  public static Message fromCustomer(
      Conversation conversation,
      String externalId,
      String contentType,
      String body,
      String rawJson,
      Instant sentAt,
      Instant now) {
    Message m = base(conversation, IN, contentType, body, now);
    m.externalId = externalId;
    m.rawJson = rawJson;
    m.sentAt = sentAt;
    m.status = MessageStatus.RECEIVED;
    m.statusAt = now;
    return m;
  }

  /** A reply an agent wrote in the CRM, waiting to be sent. */
  public static Message fromAgent(
      Conversation conversation, String author, String body, String sourceEventId, Instant now) {
    Message m = base(conversation, OUT, "text", body, now);
    m.author = author;
    m.sourceEventId = sourceEventId;
    m.status = MessageStatus.PENDING;
    m.statusAt = now;
    return m;
  }

  /**
   * A message an agent or an admin sends with its structured content (text, a file, a template),
   * waiting to be sent.
   *
   * @param contentType the content's type, e.g. {@code text}, {@code image}, {@code template}
   * @param body the text shown for it in the timeline
   * @param contentJson its structured content ({@code OutboundContentJson})
   */
  public static Message toSend(
      Conversation conversation,
      String author,
      String contentType,
      String body,
      String contentJson,
      String sourceEventId,
      Instant now) {
    Message m = fromAgent(conversation, author, body, sourceEventId, now);
    m.contentType = contentType;
    m.contentJson = contentJson;
    return m;
  }

  /**
   * An agent's internal note on the conversation: shown in the timeline, recorded on the ticket as
   * a comment, never sent to the customer (no channel id, so no delivery report ever moves it).
   */
  public static Message note(Conversation conversation, String author, String text, Instant now) {
    Message m = base(conversation, NOTE, "note", text, now);
    m.author = author;
    m.status = MessageStatus.RECEIVED;
    m.statusAt = now;
    return m;
  }

  /** Whether this is an agent's internal note rather than a message of the conversation. */
  public boolean isNote() {
    return NOTE.equals(direction);
  }

  /** The structured content changed on the way out (a file was checked and uploaded). */
  public void contentIs(String contentType, String json, Instant now) {
    this.contentType = contentType;
    this.contentJson = json;
    this.updatedAt = now;
  }

  /**
   * A message the business sent by another way than Switchboard (the WhatsApp Business app on the
   * same number, the chat history): recorded as sent, never sent again.
   *
   * @param author who sent it, e.g. {@code "WhatsApp Business app"}
   */
  public static Message fromBusiness(
      Conversation conversation,
      String externalId,
      String contentType,
      String body,
      String rawJson,
      String author,
      Instant sentAt,
      Instant now) {
    Message m = base(conversation, OUT, contentType, body, now);
    m.externalId = externalId;
    m.rawJson = rawJson;
    m.author = author;
    m.sentAt = sentAt;
    m.status = MessageStatus.SENT;
    m.statusAt = sentAt;
    return m;
  }

  private static Message base(
      Conversation conversation, String direction, String contentType, String body, Instant now) {
    Message m = new Message();
    m.id = Ids.newId();
    m.workspaceId = conversation.workspaceId();
    m.conversationId = conversation.id();
    m.channelId = conversation.channelId();
    m.direction = direction;
    m.contentType = contentType;
    m.body = body;
    m.createdAt = now;
    m.updatedAt = now;
    return m;
  }

  /** Records the structured content and what the message quotes or forwards. */
  public void describe(String contentJson, String quotedExternalId, boolean forwarded) {
    this.contentJson = contentJson;
    this.quotedExternalId = quotedExternalId;
    this.forwarded = forwarded;
  }

  /** The neutral reason of a failed send ({@code FailureReason} name). */
  public void failureReason(String reason) {
    this.failureReason = reason;
  }

  /** The channel accepted the message and gave it an id. */
  public void sent(String channelMessageId, Instant now) {
    externalId = channelMessageId;
    sentAt = now;
    advanceTo(MessageStatus.SENT, now, null, null);
  }

  /**
   * Applies a delivery report; reports that would move the status backwards are ignored.
   *
   * @return whether the status changed
   */
  public boolean advanceTo(MessageStatus next, Instant at, String code, String reason) {
    if (!status.canAdvanceTo(next)) {
      return false;
    }
    status = next;
    statusAt = at;
    if (next == MessageStatus.FAILED) {
      errorCode = code;
      errorMessage = reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
    }
    updatedAt = at;
    return true;
  }

  /** The message could not be sent at all (the channel refused it before accepting it). */
  public void failedToSend(String code, String reason, Instant now) {
    advanceTo(MessageStatus.FAILED, now, code, reason);
  }

  /**
   * An admin replays a reply that could not be sent: it is pending again (only a reply the channel
   * never accepted; a sent message's status stays as the channel reported it).
   */
  public void retrySend(Instant now) {
    if (OUT.equals(direction) && status == MessageStatus.FAILED && externalId == null) {
      status = MessageStatus.PENDING;
      errorCode = null;
      errorMessage = null;
      statusAt = now;
      updatedAt = now;
    }
  }

  /** The CRM holds this message (the customer's, or a record of one sent) as the given entry. */
  public void mirroredAs(String entryId, Instant now) {
    crmEntryId = entryId;
    updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String conversationId() {
    return conversationId;
  }

  public String channelId() {
    return channelId;
  }

  public String direction() {
    return direction;
  }

  public String externalId() {
    return externalId;
  }

  public String contentType() {
    return contentType;
  }

  public String body() {
    return body;
  }

  public MessageStatus status() {
    return status;
  }

  public String contentJson() {
    return contentJson;
  }

  public String quotedExternalId() {
    return quotedExternalId;
  }

  public boolean forwarded() {
    return Boolean.TRUE.equals(forwarded);
  }

  public String failureReason() {
    return failureReason;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  /** The event this outbound message answers (a CRM reply, an API request key), or null. */
  public String sourceEventId() {
    return sourceEventId;
  }

  public String author() {
    return author;
  }

  public String crmEntryId() {
    return crmEntryId;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant statusAt() {
    return statusAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

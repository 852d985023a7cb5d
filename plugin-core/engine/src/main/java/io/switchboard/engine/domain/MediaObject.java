package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The file of a customer's media message: where the channel keeps it, what it claims and what its
 * bytes turned out to be, and where the engine stored it. Fetched apart from its message, so a slow
 * or failing download never holds up the conversation.
 */
@Entity
@Table(name = "media_object")
public class MediaObject {
  /** How the file reaches the CRM, decided once when the message is delivered. */
  public enum CrmAttachment {
    /** The file was stored before delivery: it is attached to the message's own entry. */
    WITH_MESSAGE,
    /** The message went without it: a further entry (or a note why not) follows once fetched. */
    SEPARATE
  }

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "channel_id")
  private String channelId;

  /** The channel's media id (e.g. a WhatsApp media id). */
  @Column(name = "media_reference")
  private String reference;

  @Column(name = "media_link")
  private String link;

  /** {@code MediaKind} name: IMAGE, VOICE, DOCUMENT, ... */
  private String kind;

  /** The MIME type the sender claimed; never trusted. */
  @Column(name = "claimed_type")
  private String claimedType;

  /** The MIME type detected from the bytes; what the engine serves and attaches. */
  @Column(name = "detected_type")
  private String detectedType;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "size_bytes")
  private Long size;

  /** The checksum as the channel gave it (format is the channel's). */
  @Column(name = "channel_sha256")
  private String channelSha256;

  /** SHA-256 of the stored bytes, hex. */
  private String sha256;

  @Enumerated(EnumType.STRING)
  private MediaStatus status;

  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  /** The neutral reason ({@code FailureReason} name) of the last failure. */
  @Column(name = "failure_reason")
  private String failureReason;

  /** 0 at first, +1 at every retry of an unavailable file. */
  @Column(name = "fetch_round")
  private int fetchRound;

  @Enumerated(EnumType.STRING)
  @Column(name = "crm_attachment")
  private CrmAttachment crmAttachment;

  @Column(name = "store_kind")
  private String storeKind;

  @Column(name = "store_location")
  private String storeLocation;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "fetched_at")
  private Instant fetchedAt;

  /** When retention deletes (or deleted) the bytes. */
  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected MediaObject() {}

  /** The file of a message just received, to be fetched. */
  public static MediaObject received(
      String workspaceId,
      String messageId,
      String channelId,
      String kind,
      String reference,
      String link,
      String claimedType,
      String fileName,
      long size,
      String channelSha256,
      Instant now) {
    MediaObject m = new MediaObject();
    m.id = Ids.newId();
    m.workspaceId = workspaceId;
    m.messageId = messageId;
    m.channelId = channelId;
    m.kind = kind;
    m.reference = reference;
    m.link = link;
    m.claimedType = claimedType;
    m.fileName = fileName;
    m.size = size < 0 ? null : size;
    m.channelSha256 = channelSha256;
    m.status = MediaStatus.PENDING;
    m.createdAt = now;
    m.updatedAt = now;
    return m;
  }

  /**
   * A file an agent uploaded and sent: stored already (its bytes under this same id), so the
   * timeline links to it like to a customer's file.
   */
  public static MediaObject sent(
      AgentUpload upload, String messageId, String channelId, Instant now, Instant expires) {
    MediaObject m = new MediaObject();
    m.id = upload.id();
    m.workspaceId = upload.workspaceId();
    m.messageId = messageId;
    m.channelId = channelId;
    m.kind = upload.kind();
    m.claimedType = upload.mimeType();
    m.status = MediaStatus.PENDING;
    m.createdAt = now;
    m.stored(
        upload.mimeType(),
        upload.fileName(),
        upload.size(),
        upload.sha256(),
        upload.storeKind(),
        upload.storeLocation(),
        now,
        expires);
    return m;
  }

  /** A fetch attempt failed and will be retried (or given up on, see {@link #unavailable}). */
  public void attemptFailed(String error, String reason, Instant now) {
    attempts++;
    lastError = truncate(error);
    failureReason = reason;
    updatedAt = now;
  }

  /** The bytes passed the checks and were written to a store. */
  public void stored(
      String detected,
      String name,
      long bytes,
      String sha,
      String store,
      String location,
      Instant now,
      Instant expires) {
    attempts++;
    detectedType = detected;
    fileName = name;
    size = bytes;
    sha256 = sha;
    storeKind = store;
    storeLocation = location;
    status = MediaStatus.STORED;
    lastError = null;
    failureReason = null;
    fetchedAt = now;
    expiresAt = expires;
    updatedAt = now;
  }

  /** Given up on: the channel refused, a check failed, or the retry horizon passed. */
  public void unavailable(String reason, String error, Instant now) {
    if (status != MediaStatus.PENDING) {
      return;
    }
    status = MediaStatus.UNAVAILABLE;
    failureReason = reason;
    lastError = truncate(error);
    updatedAt = now;
  }

  /**
   * An admin asks for another try of an unavailable file.
   *
   * @return false when the file is not unavailable (nothing changes)
   */
  public boolean retry(Instant now) {
    if (status != MediaStatus.UNAVAILABLE) {
      return false;
    }
    status = MediaStatus.PENDING;
    fetchRound++;
    attempts = 0;
    updatedAt = now;
    return true;
  }

  /** Retention deleted the bytes; the metadata stays. */
  public void expired(Instant now) {
    status = MediaStatus.EXPIRED;
    storeLocation = null;
    expiresAt = now;
    updatedAt = now;
  }

  /**
   * Decides, once, how the file reaches the CRM: with the message when it is stored already, else
   * separately.
   *
   * @return the decision (the earlier one when already decided)
   */
  public CrmAttachment decideCrmAttachment(Instant now) {
    if (crmAttachment == null) {
      crmAttachment =
          status == MediaStatus.STORED ? CrmAttachment.WITH_MESSAGE : CrmAttachment.SEPARATE;
      updatedAt = now;
    }
    return crmAttachment;
  }

  /** Whether the fetch has ended for now (stored, or given up on, or expired). */
  public boolean settled() {
    return status != MediaStatus.PENDING;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String messageId() {
    return messageId;
  }

  public String channelId() {
    return channelId;
  }

  public String reference() {
    return reference;
  }

  public String link() {
    return link;
  }

  public String kind() {
    return kind;
  }

  public String claimedType() {
    return claimedType;
  }

  public String detectedType() {
    return detectedType;
  }

  public String fileName() {
    return fileName;
  }

  /** The size in bytes, or {@code -1} when unknown. */
  public long size() {
    return size == null ? -1 : size;
  }

  public String channelSha256() {
    return channelSha256;
  }

  public String sha256() {
    return sha256;
  }

  public MediaStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public String failureReason() {
    return failureReason;
  }

  public int fetchRound() {
    return fetchRound;
  }

  /** How the file reaches the CRM, or {@code null} while the message was not delivered. */
  public CrmAttachment crmAttachment() {
    return crmAttachment;
  }

  public String storeKind() {
    return storeKind;
  }

  public String storeLocation() {
    return storeLocation;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant fetchedAt() {
    return fetchedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

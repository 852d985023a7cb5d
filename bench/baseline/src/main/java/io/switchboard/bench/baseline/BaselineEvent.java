package io.switchboard.bench.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One received webhook body, as the baseline stores it. */
@Entity
@Table(name = "baseline_event")
public class BaselineEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "message_id", nullable = false)
  private String messageId;

  @Column(name = "sender")
  private String sender;

  @Column(name = "message_type")
  private String messageType;

  @Column(name = "body", nullable = false)
  private byte[] body;

  @Column(name = "received_at", nullable = false)
  private LocalDateTime receivedAt;

  protected BaselineEvent() {}

  BaselineEvent(WebhookMessageSummary message, byte[] body, LocalDateTime receivedAt) {
    this.messageId = message.messageId();
    this.sender = message.sender();
    this.messageType = message.type();
    this.body = body;
    this.receivedAt = receivedAt;
  }

  public Long id() {
    return id;
  }
}

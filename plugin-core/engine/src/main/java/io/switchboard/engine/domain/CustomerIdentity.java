package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One way to recognise a customer: an E.164 phone number ({@code phone}) or a channel user id
 * ({@code whatsapp}, ...). Unique per workspace, so one identity always leads to one customer.
 */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {
  public static final String PHONE = "phone";

  /** Kind of an identity that is the customer's e-mail address (lower case). */
  public static final String EMAIL = "email";

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "customer_id")
  private String customerId;

  private String kind;

  @Column(name = "identity_value")
  private String value;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CustomerIdentity() {}

  public CustomerIdentity(
      String workspaceId, String customerId, String kind, String value, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = workspaceId;
    this.customerId = customerId;
    this.kind = kind;
    this.value = value;
    this.createdAt = now;
  }

  public String customerId() {
    return customerId;
  }

  public String kind() {
    return kind;
  }

  public String value() {
    return value;
  }
}

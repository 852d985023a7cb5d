package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person the company talks to, across channels. */
@Entity
@Table(name = "customer")
public class Customer {
  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "phone_e164")
  private String phoneE164;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Customer() {}

  public Customer(String workspaceId, String displayName, String phoneE164, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = workspaceId;
    this.displayName = displayName;
    this.phoneE164 = phoneE164;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Takes what a channel tells about the customer, without erasing what is known. */
  public void learn(String newDisplayName, String newPhoneE164, Instant now) {
    boolean changed = false;
    if (newDisplayName != null
        && !newDisplayName.isBlank()
        && !newDisplayName.equals(displayName)) {
      displayName = newDisplayName;
      changed = true;
    }
    if (newPhoneE164 != null && phoneE164 == null) {
      phoneE164 = newPhoneE164;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String displayName() {
    return displayName;
  }

  public String phoneE164() {
    return phoneE164;
  }
}

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

  @Column(name = "email")
  private String email;

  @Column(name = "language")
  private String language;

  @Column(name = "profile_changed_at")
  private Instant profileChangedAt;

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
    this.profileChangedAt = now;
  }

  /** Whether a text can be a customer's e-mail address: one {@code @}, no spaces. */
  public static boolean isEmailAddress(String text) {
    return text != null && text.matches("[^@\\s]+@[^@\\s]+");
  }

  /**
   * Takes what a channel tells about the customer, without erasing or overriding what is known: a
   * channel's profile name and phone fill a profile that has none, but never replace a name or
   * phone someone set (an agent's correction in the CRM must survive the customer's next message).
   *
   * @return whether anything changed
   */
  public boolean learn(String newDisplayName, String newPhoneE164, Instant now) {
    return edit(
        displayName == null || displayName.isBlank() ? newDisplayName : null,
        phoneE164 == null ? newPhoneE164 : null,
        null,
        null,
        now);
  }

  /**
   * Sets profile fields (from a CRM edit, an order, an admin); {@code null} leaves a field as it
   * is, an empty string clears it (name and phone are never cleared).
   *
   * @return whether anything changed
   */
  public boolean edit(
      String newName, String newPhoneE164, String newEmail, String newLanguage, Instant now) {
    boolean changed = false;
    if (newName != null && !newName.isBlank() && !newName.equals(displayName)) {
      displayName = newName;
      changed = true;
    }
    if (newPhoneE164 != null && !newPhoneE164.isBlank() && !newPhoneE164.equals(phoneE164)) {
      phoneE164 = newPhoneE164;
      changed = true;
    }
    if (newEmail != null && !newEmail.equals(email == null ? "" : email)) {
      email = newEmail.isEmpty() ? null : newEmail;
      changed = true;
    }
    if (newLanguage != null && !newLanguage.equals(language == null ? "" : language)) {
      language = newLanguage.isEmpty() ? null : newLanguage;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
      profileChangedAt = now;
    }
    return changed;
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

  /** The customer's real e-mail address, or {@code null}. */
  public String email() {
    return email;
  }

  /** A BCP 47 language tag, or {@code null}. */
  public String language() {
    return language;
  }

  /** When name, phone, e-mail or language last changed in the bridge. */
  public Instant profileChangedAt() {
    return profileChangedAt == null ? updatedAt : profileChangedAt;
  }
}

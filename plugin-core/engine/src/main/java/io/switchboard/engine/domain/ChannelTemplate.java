package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One message template of a channel account, as its channel last told us (a sync, or a template
 * webhook): name, language, category, status and its parts (JSON, with the parameter counts kept
 * beside it for listing). Only an {@code APPROVED} template may be sent.
 */
@Entity
@Table(name = "channel_template")
public class ChannelTemplate {
  public static final String APPROVED = "APPROVED";

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "channel_id")
  private String channelId;

  @Column(name = "external_id")
  private String externalId;

  private String name;

  private String language;

  private String category;

  private String status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "parts_json")
  private String partsJson;

  @Column(name = "header_parameters")
  private int headerParameters;

  @Column(name = "body_parameters")
  private int bodyParameters;

  @Column(name = "button_parameters")
  private int buttonParameters;

  @Column(name = "synced_at")
  private Instant syncedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected ChannelTemplate() {}

  /** A template first seen on a channel account. */
  public ChannelTemplate(
      String workspaceId, String channelId, String name, String language, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = workspaceId;
    this.channelId = channelId;
    this.name = Objects.requireNonNull(name, "name");
    this.language = Objects.requireNonNull(language, "language");
    this.status = "UNKNOWN";
    this.partsJson = "[]";
    this.syncedAt = now;
    this.updatedAt = now;
  }

  /**
   * What the channel holds now, from a sync.
   *
   * @return whether anything changed
   */
  public boolean synced(
      String externalId,
      String category,
      String status,
      String statusReason,
      String partsJson,
      ParameterCounts counts,
      Instant now) {
    boolean changed =
        !Objects.equals(this.externalId, externalId)
            || !Objects.equals(this.category, category)
            || !Objects.equals(this.status, status)
            || !Objects.equals(this.statusReason, statusReason)
            || !Objects.equals(this.partsJson, partsJson);
    this.externalId = externalId;
    this.category = category;
    this.status = status;
    this.statusReason = statusReason == null ? null : cut(statusReason);
    this.partsJson = partsJson;
    this.headerParameters = counts.header();
    this.bodyParameters = counts.body();
    this.buttonParameters = counts.buttons();
    this.syncedAt = now;
    if (changed) {
      this.updatedAt = now;
    }
    return changed;
  }

  /** The channel changed the template's status (approved, rejected, paused, ...). */
  public void statusIs(String newStatus, String reason, Instant now) {
    status = Objects.requireNonNull(newStatus, "newStatus");
    statusReason = reason == null ? null : cut(reason);
    updatedAt = now;
  }

  /** The channel moved the template to another category. */
  public void categoryIs(String newCategory, Instant now) {
    category = newCategory;
    updatedAt = now;
  }

  private static String cut(String s) {
    return s.substring(0, Math.min(s.length(), 1000));
  }

  /** How many parameters the header, the body and the buttons take. */
  public record ParameterCounts(int header, int body, int buttons) {}

  public boolean approved() {
    return APPROVED.equals(status);
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String channelId() {
    return channelId;
  }

  public String externalId() {
    return externalId;
  }

  public String name() {
    return name;
  }

  public String language() {
    return language;
  }

  public String category() {
    return category;
  }

  public String status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public String partsJson() {
    return partsJson;
  }

  public ParameterCounts parameterCounts() {
    return new ParameterCounts(headerParameters, bodyParameters, buttonParameters);
  }

  public Instant syncedAt() {
    return syncedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

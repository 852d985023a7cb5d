package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a CRM connection's field mappings: the mapping file (JSON) as saved, who saved it,
 * when and why, and how much it changed from the version before. Never updated.
 */
@Entity
@Table(name = "mapping_version")
@IdClass(MappingVersion.Key.class)
public class MappingVersion {
  @Id
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Id
  @Column(name = "version")
  private int version;

  @Column(name = "author")
  private String author;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "comment_text")
  private String comment;

  @Column(name = "body")
  private String body;

  @Column(name = "added_count")
  private int added;

  @Column(name = "removed_count")
  private int removed;

  @Column(name = "changed_count")
  private int changed;

  protected MappingVersion() {}

  public MappingVersion(
      String crmConnectionId,
      int version,
      String author,
      String comment,
      String body,
      int added,
      int removed,
      int changed,
      Instant now) {
    this.crmConnectionId = crmConnectionId;
    this.version = version;
    this.author = author;
    this.comment = comment;
    this.body = body;
    this.added = added;
    this.removed = removed;
    this.changed = changed;
    this.createdAt = now;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  public int version() {
    return version;
  }

  public String author() {
    return author;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String comment() {
    return comment;
  }

  /** The mapping file, JSON. */
  public String body() {
    return body;
  }

  public int added() {
    return added;
  }

  public int removed() {
    return removed;
  }

  public int changed() {
    return changed;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String crmConnectionId;
    private int version;

    public Key() {}

    public Key(String crmConnectionId, int version) {
      this.crmConnectionId = crmConnectionId;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(crmConnectionId, k.crmConnectionId)
          && version == k.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(crmConnectionId, version);
    }
  }
}

package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A canned answer agents insert by its shortcut ({@code /thanks}); managed by an admin. */
@Entity
@Table(name = "quick_reply")
@IdClass(QuickReply.Key.class)
public class QuickReply {
  @Id
  @Column(name = "workspace_id")
  private String workspaceId;

  @Id private String shortcut;

  private String title;
  private String body;
  private int position;

  protected QuickReply() {}

  public QuickReply(String workspaceId, String shortcut, String title, String body, int position) {
    this.workspaceId = workspaceId;
    this.shortcut = shortcut;
    this.title = title;
    this.body = body;
    this.position = position;
  }

  public String shortcut() {
    return shortcut;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public int position() {
    return position;
  }

  /** The key: a shortcut is unique in its workspace. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String workspaceId;
    private String shortcut;

    public Key() {}

    public Key(String workspaceId, String shortcut) {
      this.workspaceId = workspaceId;
      this.shortcut = shortcut;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(workspaceId, k.workspaceId)
          && Objects.equals(shortcut, k.shortcut);
    }

    @Override
    public int hashCode() {
      return Objects.hash(workspaceId, shortcut);
    }
  }
}

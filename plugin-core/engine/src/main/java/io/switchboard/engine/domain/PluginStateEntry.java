package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One value of a plugin's persistent state, encrypted at rest. */
@Entity
@Table(name = "plugin_state")
@IdClass(PluginStateEntry.Key.class)
public class PluginStateEntry {
  @Id
  @Column(name = "connection_id")
  private String connectionId;

  @Id
  @Column(name = "state_key")
  private String stateKey;

  @Column(name = "state_value")
  private String encryptedValue;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected PluginStateEntry() {}

  public PluginStateEntry(
      String connectionId, String stateKey, String encryptedValue, Instant now) {
    this.connectionId = connectionId;
    this.stateKey = stateKey;
    this.encryptedValue = encryptedValue;
    this.updatedAt = now;
  }

  public void replace(String newEncryptedValue, Instant now) {
    encryptedValue = newEncryptedValue;
    updatedAt = now;
  }

  public String encryptedValue() {
    return encryptedValue;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String connectionId;
    private String stateKey;

    public Key() {}

    public Key(String connectionId, String stateKey) {
      this.connectionId = connectionId;
      this.stateKey = stateKey;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(connectionId, k.connectionId)
          && Objects.equals(stateKey, k.stateKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(connectionId, stateKey);
    }
  }
}

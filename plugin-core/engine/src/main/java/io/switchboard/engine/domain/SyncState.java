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
 * What one mapped field of one CRM object (ticket or requester) held when the bridge and the CRM
 * last agreed: the CRM value and the bridge value it stood for.
 */
@Entity
@Table(name = "sync_state")
@IdClass(SyncState.Key.class)
public class SyncState {
  @Id
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Id
  @Column(name = "target")
  private String target;

  @Id
  @Column(name = "object_id")
  private String objectId;

  @Id
  @Column(name = "crm_field")
  private String crmField;

  @Column(name = "crm_value")
  private String crmValue;

  @Column(name = "bridge_value")
  private String bridgeValue;

  @Column(name = "synced_at")
  private Instant syncedAt;

  protected SyncState() {}

  public SyncState(
      String crmConnectionId,
      String target,
      String objectId,
      String crmField,
      String crmValue,
      String bridgeValue,
      Instant now) {
    this.crmConnectionId = crmConnectionId;
    this.target = target;
    this.objectId = objectId;
    this.crmField = crmField;
    agreed(crmValue, bridgeValue, now);
  }

  /** Both sides now hold these values. */
  public void agreed(String newCrmValue, String newBridgeValue, Instant now) {
    this.crmValue = newCrmValue == null || newCrmValue.isEmpty() ? null : newCrmValue;
    this.bridgeValue = newBridgeValue == null || newBridgeValue.isEmpty() ? null : newBridgeValue;
    this.syncedAt = now;
  }

  public String crmField() {
    return crmField;
  }

  public String crmValue() {
    return crmValue;
  }

  public String bridgeValue() {
    return bridgeValue;
  }

  public Instant syncedAt() {
    return syncedAt;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String crmConnectionId;
    private String target;
    private String objectId;
    private String crmField;

    public Key() {}

    public Key(String crmConnectionId, String target, String objectId, String crmField) {
      this.crmConnectionId = crmConnectionId;
      this.target = target;
      this.objectId = objectId;
      this.crmField = crmField;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(crmConnectionId, k.crmConnectionId)
          && Objects.equals(target, k.target)
          && Objects.equals(objectId, k.objectId)
          && Objects.equals(crmField, k.crmField);
    }

    @Override
    public int hashCode() {
      return Objects.hash(crmConnectionId, target, objectId, crmField);
    }
  }
}

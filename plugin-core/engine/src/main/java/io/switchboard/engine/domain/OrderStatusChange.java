package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One entry of an order's status history: the status it took and when (in the source's time). */
@Embeddable
public class OrderStatusChange {
  private String status;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected OrderStatusChange() {}

  public OrderStatusChange(String status, Instant changedAt) {
    this.status = status;
    this.changedAt = changedAt;
  }

  public String status() {
    return status;
  }

  public Instant changedAt() {
    return changedAt;
  }
}

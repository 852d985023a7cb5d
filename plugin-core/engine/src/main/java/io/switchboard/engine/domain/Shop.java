package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A shop that sends its orders: {@code rest} (it pushes orders with its API key) or {@code shopify}
 * (Shopify's order webhooks, signed with the shop's webhook secret; it may push too). Only the
 * SHA-256 of the API key is kept; the webhook secret is encrypted at rest.
 */
@Entity
@Table(name = "shop")
public class Shop {
  public static final String REST = "rest";
  public static final String SHOPIFY = "shopify";

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String name;

  private String kind;

  @Column(name = "api_key_hash")
  private String apiKeyHash;

  /** Encrypted with the engine's secrets key, bound to {@code shop:<id>}; only for Shopify. */
  @Column(name = "webhook_secret")
  private String webhookSecret;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "api_key_created_at")
  private Instant apiKeyCreatedAt;

  protected Shop() {}

  public Shop(
      String workspaceId,
      String name,
      String kind,
      String apiKeyHash,
      String encryptedWebhookSecret,
      Instant now) {
    this.id = Ids.newId();
    this.workspaceId = workspaceId;
    this.name = name;
    this.kind = kind;
    this.apiKeyHash = apiKeyHash;
    this.webhookSecret = encryptedWebhookSecret;
    this.createdAt = now;
    this.apiKeyCreatedAt = now;
  }

  /** A new API key replaces the old one, which stops working at once. */
  public void rotateApiKey(String newHash, Instant now) {
    apiKeyHash = newHash;
    apiKeyCreatedAt = now;
  }

  /** Sets the encrypted webhook secret (it is bound to the shop's id, known only once created). */
  public void webhookSecret(String encrypted) {
    webhookSecret = encrypted;
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String name() {
    return name;
  }

  public String kind() {
    return kind;
  }

  public String apiKeyHash() {
    return apiKeyHash;
  }

  /** The encrypted webhook secret, or {@code null}. */
  public String encryptedWebhookSecret() {
    return webhookSecret;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant apiKeyCreatedAt() {
    return apiKeyCreatedAt;
  }
}

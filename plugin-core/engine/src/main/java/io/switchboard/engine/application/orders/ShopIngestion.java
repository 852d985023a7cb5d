package io.switchboard.engine.application.orders;

import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineMetrics;
import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.Shop;
import io.switchboard.engine.domain.ShopRepository;
import io.switchboard.engine.ledger.InboundEventLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 for shops: authenticate an order push or a Shopify webhook, store it in the inbound ledger
 * (source {@code shop:<id>}), and only then let the caller answer. The order book is written later,
 * by {@link ShopEventIntake}, in order per order.
 *
 * <p>A push is deduplicated by order id and body (the same body twice is one event; a status update
 * is a new one); a Shopify delivery by its {@code X-Shopify-Webhook-Id}. The Shopify topic travels
 * with the row as its route key.
 */
@ApplicationScoped
public class ShopIngestion {
  /**
   * Ledger format of a pushed order: the body as the shop sent it, read by {@link ShopOrderJson}.
   */
  public static final String PUSH = "SHOP_PUSH";

  /** Ledger format of a Shopify webhook: the raw body, read by {@link ShopifyOrderJson}. */
  public static final String SHOPIFY = "SHOPIFY";

  @Inject ShopRepository shops;
  @Inject ShopAdmin admin;
  @Inject InboundEventLedger ledger;
  @Inject PipelineMetrics metrics;

  /** What became of a push. */
  public record PushOutcome(Result result, String orderId, List<FieldProblem> problems) {
    /** Overall result, which decides the HTTP answer. */
    public enum Result {
      /** Stored: answer 202. */
      ACCEPTED,
      /** The same body was stored before: answer 202, no second effect. */
      DUPLICATE,
      /** A bad field: nothing stored, answer 422 naming each. */
      INVALID,
      /** Key missing or wrong: answer 401. */
      UNAUTHENTIC,
      /** No such shop: answer 404. */
      UNKNOWN_SHOP
    }

    static PushOutcome of(Result result) {
      return new PushOutcome(result, null, List.of());
    }
  }

  @Transactional
  public PushOutcome push(String shopId, String authorization, byte[] body) {
    Optional<Shop> shop = shops.find(shopId);
    if (shop.isEmpty()) {
      return PushOutcome.of(PushOutcome.Result.UNKNOWN_SHOP);
    }
    String source = Sources.shop(shopId);
    if (!ShopKeys.matches(authorization, shop.get().apiKeyHash())) {
      metrics.webhook(source, "unauthentic");
      return PushOutcome.of(PushOutcome.Result.UNAUTHENTIC);
    }
    PushedOrder order;
    try {
      order = ShopOrderJson.read(body);
    } catch (InvalidOrderException e) {
      metrics.webhook(source, "invalid");
      return new PushOutcome(PushOutcome.Result.INVALID, null, e.problems());
    }
    boolean stored =
        ledger.append(
            shop.get().workspaceId(),
            source,
            "push:" + order.orderId() + ":" + sha256(body),
            source + "|" + order.orderId(),
            PUSH,
            body);
    metrics.webhook(source, stored ? "accepted" : "duplicate");
    return new PushOutcome(
        stored ? PushOutcome.Result.ACCEPTED : PushOutcome.Result.DUPLICATE,
        order.orderId(),
        List.of());
  }

  /**
   * Stores a Shopify webhook delivery after checking its signature. A body of an order topic
   * without an order id is kept in quarantine (Shopify is answered 200, so it does not resend).
   */
  @Transactional
  public IngestOutcome shopify(
      String shopId, byte[] body, String signature, String topic, String webhookId) {
    Optional<Shop> shop = shops.find(shopId).filter(s -> s.encryptedWebhookSecret() != null);
    if (shop.isEmpty()) {
      return new IngestOutcome(
          IngestOutcome.Result.UNKNOWN_SOURCE, 0, 0, "no Shopify shop " + shopId);
    }
    String secret = admin.webhookSecret(shop.get()).orElseThrow();
    String source = Sources.shop(shopId);
    if (!ShopifySignature.isAuthentic(body, signature, secret)) {
      metrics.webhook(source, "unauthentic");
      return new IngestOutcome(IngestOutcome.Result.UNAUTHENTIC, 0, 0, "signature not valid");
    }
    String workspace = shop.get().workspaceId();
    String cleanTopic = topic == null || topic.isBlank() ? "unknown" : topic.strip();
    Optional<String> orderId = ShopifyOrderJson.orderId(body);
    if (ShopEventIntake.isOrderTopic(cleanTopic) && orderId.isEmpty()) {
      String reason = "Shopify " + cleanTopic + " without an order id";
      ledger.quarantine(workspace, source, Sources.MALFORMED + sha256(body), body, reason);
      metrics.webhook(source, "quarantined");
      return new IngestOutcome(IngestOutcome.Result.QUARANTINED, 0, 0, reason);
    }
    String dedupe =
        "shopify:"
            + (webhookId == null || webhookId.isBlank() ? "body-" + sha256(body) : webhookId);
    boolean stored =
        ledger.append(
            workspace,
            source,
            dedupe,
            source + "|" + orderId.map(id -> "shopify-order:" + id).orElse("topic:" + cleanTopic),
            SHOPIFY,
            body,
            cleanTopic);
    metrics.webhook(source, stored ? "accepted" : "duplicate");
    return new IngestOutcome(IngestOutcome.Result.ACCEPTED, stored ? 1 : 0, stored ? 0 : 1, null);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

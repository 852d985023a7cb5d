package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.Shop;
import jakarta.json.JsonObject;

/** A shop as the admin API shows it: never its key or secret, only where to send orders. */
final class ShopView {
  private ShopView() {}

  static JsonObject of(Shop shop, String apiKeyShownOnce) {
    var b =
        AdminJson.object()
            .add("id", shop.id())
            .add("name", shop.name())
            .add("kind", shop.kind())
            .add("createdAt", shop.createdAt().toString())
            .add("apiKeyCreatedAt", shop.apiKeyCreatedAt().toString())
            .add("orderPushPath", "/switchboard/api/shops/" + shop.id() + "/orders");
    if (shop.encryptedWebhookSecret() != null) {
      b.add("webhookPath", "/switchboard/api/shops/" + shop.id() + "/webhook")
          .add("webhookSecret", "write-only");
    }
    if (apiKeyShownOnce != null) {
      b.add("apiKey", apiKeyShownOnce)
          .add("apiKeyNote", "shown once: store it now; only its hash is kept");
    }
    return b.build();
  }
}

package io.switchboard.engine.application.orders;

import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.Shop;
import io.switchboard.engine.domain.ShopRepository;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.spi.InvalidConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists, deletes shops and rotates their API keys. A key is shown once, when it is made;
 * only its hash is kept. A Shopify shop's webhook secret is encrypted like connection secrets and
 * never shown again. Deleting a shop keeps its orders (they are the customers' history) and the
 * events already accepted from it; its URLs stop answering.
 */
@ApplicationScoped
public class ShopAdmin {
  private final ShopKeys keys = new ShopKeys();

  @Inject ShopRepository shops;
  @Inject SecretCipher cipher;
  @Inject Workspace workspace;
  @Inject Clock clock;

  /** A shop just created, with its API key (shown this once). */
  public record CreatedShop(Shop shop, String apiKey) {}

  /**
   * @param kind {@code rest} or {@code shopify}
   * @param webhookSecret Shopify's webhook signing secret (required for {@code shopify})
   */
  @Transactional
  public CreatedShop create(String name, String kind, String webhookSecret)
      throws InvalidConfigurationException {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("name: is required");
    } else if (name.length() > 255) {
      problems.add("name: is longer than 255 characters");
    }
    if (!Shop.REST.equals(kind) && !Shop.SHOPIFY.equals(kind)) {
      problems.add("kind: must be \"rest\" or \"shopify\"");
    }
    boolean hasSecret = webhookSecret != null && !webhookSecret.isBlank();
    if (Shop.SHOPIFY.equals(kind) && !hasSecret) {
      problems.add("webhookSecret: is required for a Shopify shop (Shopify admin shows it)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    String key = keys.newKey();
    Shop shop =
        new Shop(workspace.id(), name.strip(), kind, ShopKeys.hash(key), null, clock.instant());
    if (hasSecret) {
      shop.webhookSecret(cipher.encrypt(webhookSecret.strip(), Sources.shop(shop.id())));
    }
    shops.add(shop);
    return new CreatedShop(shop, key);
  }

  @Transactional
  public List<Shop> all() {
    return shops.all();
  }

  @Transactional
  public Optional<Shop> find(String id) {
    return shops.find(id);
  }

  /** A new API key for the shop; the old one stops working at once. */
  @Transactional
  public Optional<String> rotateApiKey(String id) {
    return shops
        .find(id)
        .map(
            shop -> {
              String key = keys.newKey();
              shop.rotateApiKey(ShopKeys.hash(key), clock.instant());
              return key;
            });
  }

  @Transactional
  public boolean delete(String id) {
    Optional<Shop> shop = shops.find(id);
    shop.ifPresent(shops::remove);
    return shop.isPresent();
  }

  /** The shop's Shopify webhook secret, decrypted, if it has one. */
  public Optional<String> webhookSecret(Shop shop) {
    return Optional.ofNullable(shop.encryptedWebhookSecret())
        .map(encrypted -> cipher.decrypt(encrypted, Sources.shop(shop.id())));
  }
}

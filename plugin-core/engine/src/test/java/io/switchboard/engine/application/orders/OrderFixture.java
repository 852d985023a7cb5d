package io.switchboard.engine.application.orders;

import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineMetrics;
import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.Shop;
import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.RecordedEvents;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.persistence.JpaCustomerOrderRepository;
import io.switchboard.engine.infrastructure.persistence.JpaCustomerRepository;
import io.switchboard.engine.infrastructure.persistence.JpaShopRepository;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.spi.InvalidConfigurationException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The order beans wired by hand over a fresh H2 database: the real repositories, ledger and cipher;
 * {@link CustomerChanged} events are recorded.
 */
final class OrderFixture implements AutoCloseable {
  static final String WS = "default";

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
  final TestDatabase db = new TestDatabase();
  final TestTransactions tx = db.transactions();
  final JpaCustomerRepository customers = new JpaCustomerRepository(tx.entityManager());
  final JpaCustomerOrderRepository orders = new JpaCustomerOrderRepository(tx.entityManager());
  final JpaShopRepository shops = new JpaShopRepository(tx.entityManager());
  final InboundEventLedger ledger = LedgerBeans.ledger(tx, clock);
  final RecordedEvents<CustomerChanged> changed = new RecordedEvents<>();

  /** Webhook outcomes counted, as {@code source outcome}. */
  final List<String> counted = new java.util.ArrayList<>();

  final PipelineMetrics metrics =
      new PipelineMetrics() {
        @Override
        public void webhook(String source, String outcome) {
          counted.add(source + " " + outcome);
        }
      };
  final OrderCustomers matcher = new OrderCustomers();
  final OrderBook book = new OrderBook();
  final ShopAdmin shopAdmin = new TxShopAdmin();
  final ShopIngestion ingestion = new TxShopIngestion();
  final ShopEventIntake intake = new ShopEventIntake();

  OrderFixture() {
    matcher.customers = customers;
    matcher.clock = clock;
    book.orders = orders;
    book.customers = matcher;
    book.changed = changed;
    book.clock = clock;
    Workspace workspace =
        new Workspace() {
          @Override
          public String id() {
            return WS;
          }
        };
    shopAdmin.shops = shops;
    shopAdmin.cipher = cipher();
    shopAdmin.workspace = workspace;
    shopAdmin.clock = clock;
    ingestion.shops = shops;
    ingestion.admin = shopAdmin;
    ingestion.ledger = ledger;
    ingestion.metrics = metrics;
    intake.book = book;
  }

  private static SecretCipher cipher() {
    SecretCipher cipher = new SecretCipher();
    try {
      Field key = SecretCipher.class.getDeclaredField("configuredKey");
      key.setAccessible(true);
      key.set(cipher, Optional.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return cipher;
  }

  <T> T inTx(Supplier<T> work) {
    return tx.required(work);
  }

  /** A customer as the WhatsApp intake leaves one: with a phone identity. */
  Customer customerWithPhone(String name, String phone) {
    return inTx(
        () -> {
          Customer c = new Customer(WS, name, phone, clock.instant());
          customers.add(c);
          customers.addIdentity(
              new CustomerIdentity(WS, c.id(), CustomerIdentity.PHONE, phone, clock.instant()));
          return c;
        });
  }

  List<CustomerOrder> ordersOf(String customerId) {
    return inTx(() -> book.orders(customerId, 100));
  }

  List<CustomerOrder> allOrders() {
    return inTx(
        () ->
            tx.entityManager()
                .createQuery(
                    "select o from CustomerOrder o order by o.createdAt", CustomerOrder.class)
                .getResultList());
  }

  /** Processes every pending shop event as the worker would, one transaction each. */
  List<Optional<String>> processPending() {
    return ledger.recent(1000).stream()
        .filter(e -> e.status() == io.switchboard.engine.ledger.LedgerStatus.PENDING)
        .sorted(java.util.Comparator.comparing(InboundEvent::id))
        .map(
            e ->
                tx.requiresNew(
                    () -> {
                      InboundEvent locked = ledger.lock(e.id()).orElseThrow();
                      Optional<String> note = intake.process(locked);
                      locked.done(clock.instant());
                      return note;
                    }))
        .toList();
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * ShopAdmin with its {@code @Transactional} methods in transactions, as the container runs it.
   */
  private final class TxShopAdmin extends ShopAdmin {
    @Override
    public CreatedShop create(String name, String kind, String webhookSecret)
        throws InvalidConfigurationException {
      try {
        return tx.required(
            () -> {
              try {
                return super.create(name, kind, webhookSecret);
              } catch (InvalidConfigurationException e) {
                throw new IllegalArgumentException(e);
              }
            });
      } catch (IllegalArgumentException e) {
        if (e.getCause() instanceof InvalidConfigurationException invalid) {
          throw invalid;
        }
        throw e;
      }
    }

    @Override
    public List<Shop> all() {
      return tx.required(super::all);
    }

    @Override
    public Optional<Shop> find(String id) {
      return tx.required(() -> super.find(id));
    }

    @Override
    public Optional<String> rotateApiKey(String id) {
      return tx.required(() -> super.rotateApiKey(id));
    }

    @Override
    public boolean delete(String id) {
      return tx.required(() -> super.delete(id));
    }
  }

  private final class TxShopIngestion extends ShopIngestion {
    @Override
    public PushOutcome push(String shopId, String authorization, byte[] body) {
      return tx.required(() -> super.push(shopId, authorization, body));
    }

    @Override
    public IngestOutcome shopify(
        String shopId, byte[] body, String signature, String topic, String webhookId) {
      return tx.required(() -> super.shopify(shopId, body, signature, topic, webhookId));
    }
  }
}

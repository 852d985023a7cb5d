package io.switchboard.engine.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingFileException;
import io.switchboard.sync.MappingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MappingStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
  private final TestDatabase db = new TestDatabase();
  private final TestTransactions tx = db.transactions();
  private final SyncBeans beans =
      new SyncBeans(tx.entityManager(), clock, LedgerBeans.outbox(tx, clock), null);

  @AfterEach
  void close() {
    db.close();
  }

  private static MappingSet set(String... lines) {
    try {
      return MappingFile.read(
          "format: switchboard-mapping/1\nmappings:\n" + String.join("\n", lines) + "\n");
    } catch (MappingFileException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String NAME =
      "  - {bridge: customer.name, target: requester, crm: requester.RealName, direction: both}";
  private static final String PHONE =
      "  - {bridge: customer.phone, target: requester, crm: requester.MobilePhone,"
          + " direction: to-crm}";
  private static final String PHONE_INTL =
      "  - {bridge: customer.phone, target: requester, crm: requester.MobilePhone,"
          + " direction: to-crm, transform: {type: phone, style: international}}";

  @Test
  @DisplayName("every save is a new version with its author, counts and a base-version check")
  void versions() {
    assertThat(tx.required(() -> beans.mappings.current("rt").version())).isZero();
    StoredMapping v1 = tx.required(() -> beans.mappings.save("rt", set(NAME), "amal", "a", 0));
    clock.advance(Duration.ofMinutes(1));
    StoredMapping v2 =
        tx.required(() -> beans.mappings.save("rt", set(NAME, PHONE), "omar", "b", 1));
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.added()).isEqualTo(1);
    assertThat(v2.author()).isEqualTo("omar");
    assertThatThrownBy(() -> tx.run(() -> beans.mappings.save("rt", set(NAME), "amal", "c", 1)))
        .isInstanceOf(MappingStore.VersionConflictException.class)
        .hasMessageContaining("version 2 by omar");
    assertThat(tx.required(() -> beans.mappings.versions("rt", 10)))
        .extracting(StoredMapping::version)
        .containsExactly(2, 1);
    assertThat(tx.required(() -> beans.mappings.version("rt", 1)).orElseThrow().set())
        .isEqualTo(set(NAME));
    assertThat(tx.required(() -> beans.mappings.current("other").version())).isZero();
  }

  @Test
  @DisplayName("a changed mapping forgets its agreed state everywhere; unchanged ones keep it")
  void changedMappingsAreWrittenAgain() {
    tx.run(() -> beans.mappings.save("rt", set(NAME, PHONE), "amal", null, null));
    tx.run(
        () ->
            beans.states.agreed(
                "rt",
                FieldTarget.REQUESTER,
                "u1",
                Map.of("requester.RealName", "Kerry", "requester.MobilePhone", "+15551234567"),
                Map.of("requester.RealName", "Kerry", "requester.MobilePhone", "+15551234567")));
    tx.run(() -> beans.mappings.save("rt", set(NAME, PHONE_INTL), "amal", null, null));
    assertThat(tx.required(() -> beans.states.of("rt", FieldTarget.REQUESTER, "u1")))
        .containsOnlyKeys("requester.RealName");
  }

  @Test
  @DisplayName("the mapping in force is cached a few seconds, and a local save is seen at once")
  void cache() {
    tx.run(() -> beans.mappings.save("rt", set(NAME), "amal", null, null));
    assertThat(tx.required(() -> beans.mappings.inForce("rt")).mappings()).hasSize(1);
    tx.run(() -> beans.mappings.save("rt", set(NAME, PHONE), "amal", null, null));
    assertThat(tx.required(() -> beans.mappings.inForce("rt")).mappings()).hasSize(2);
  }
}

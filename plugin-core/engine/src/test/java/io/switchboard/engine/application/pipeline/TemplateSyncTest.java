package io.switchboard.engine.application.pipeline;

import static io.switchboard.engine.application.templates.TestTemplates.orderUpdate;
import static io.switchboard.engine.application.templates.TestTemplates.orderUpdateArabic;
import static io.switchboard.engine.application.templates.TestTemplates.pausedPromo;
import static io.switchboard.engine.application.templates.TestTemplates.welcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.templates.TemplateActions;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's copy of an account's templates follows the channel's catalog (paging is the
 * connector's): new ones inserted, changed ones updated, vanished ones deleted; a template webhook
 * changes the matching rows at once and schedules a fresh sync through the outbox.
 */
class TemplateSyncTest {
  private final OutboundFixture f = new OutboundFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private List<String> stored() {
    return f.templates.rows.list("wa", null, null).stream()
        .map(t -> t.name() + "/" + t.language() + "/" + t.status())
        .toList();
  }

  private TemplateRows.Replaced sync(TemplateDefinition... defs) throws Exception {
    f.channel.templates = List.of(defs);
    return f.templates.sync.sync(f.in.account).orElseThrow();
  }

  @Test
  @DisplayName("a sync inserts, updates and deletes so that the copy is the catalog")
  void replace() throws Exception {
    assertThat(sync(orderUpdate(), orderUpdateArabic(), pausedPromo()).toString())
        .isEqualTo("3 new, 0 changed, 0 deleted, 0 unchanged");
    TemplateDefinition approvedPromo =
        new TemplateDefinition(
            "1004", "promo", "en_US", "MARKETING", "APPROVED", null, pausedPromo().parts());

    TemplateRows.Replaced second = sync(orderUpdate(), approvedPromo, welcome());

    assertThat(second).isEqualTo(new TemplateRows.Replaced(1, 1, 1, 1));
    assertThat(stored())
        .containsExactly(
            "order_update/en_US/APPROVED", "promo/en_US/APPROVED", "welcome/en_US/APPROVED");
    ChannelTemplate order = f.templates.rows.named("wa", "order_update").get(0);
    assertThat(order.parameterCounts()).isEqualTo(new ChannelTemplate.ParameterCounts(1, 2, 1));
    assertThat(order.category()).isEqualTo("UTILITY");
    assertThat(f.templates.sync.lastOutcome("wa"))
        .hasValueSatisfying(o -> assertThat(o.ok()).isTrue());
  }

  @Test
  @DisplayName("an account whose connector has no catalog is not synced and says so")
  void noCatalog() throws Exception {
    f.channel.catalog = false;
    assertThat(f.templates.sync.sync(f.in.account)).isEmpty();
    assertThat(f.templates.sync.catalogOf(f.in.account)).isEmpty();
  }

  @Test
  @DisplayName(
      "a status webhook changes the matching rows at once and schedules a sync of the app's accounts")
  void statusUpdate() throws Exception {
    sync(orderUpdate(), orderUpdateArabic());
    TemplateUpdate paused =
        new TemplateUpdate(
            "WABA-1",
            "1001",
            "order_update",
            "en_US",
            TemplateUpdate.Change.STATUS,
            "PAUSED",
            "quality",
            "1700000000",
            "{}");

    String note = f.inTx(() -> f.updates.apply("channel:wa", paused));

    assertThat(note).contains("1 stored template(s) updated").contains("sync of 1 account");
    assertThat(stored()).containsExactly("order_update/ar/APPROVED", "order_update/en_US/PAUSED");
    assertThat(f.outbox(TemplateActions.SYNC_TEMPLATES))
        .singleElement()
        .satisfies(e -> assertThat(e.subjectId()).isEqualTo("wa"));

    f.dispatch(Duration.ofSeconds(10)); // the catalog still says APPROVED: the sync wins
    assertThat(f.outbox(TemplateActions.SYNC_TEMPLATES).get(0).status())
        .isEqualTo(LedgerStatus.DONE);
    assertThat(stored()).containsExactly("order_update/ar/APPROVED", "order_update/en_US/APPROVED");
  }

  @Test
  @DisplayName(
      "a change naming only the template applies to every language; a category change moves it")
  void byNameAndCategory() throws Exception {
    sync(orderUpdate(), orderUpdateArabic());
    f.inTx(
        () ->
            f.updates.apply(
                "channel:wa",
                new TemplateUpdate(
                    "WABA-1",
                    null,
                    "order_update",
                    null,
                    TemplateUpdate.Change.STATUS,
                    "disabled",
                    null,
                    "1",
                    "{}")));
    assertThat(stored()).containsExactly("order_update/ar/DISABLED", "order_update/en_US/DISABLED");

    f.inTx(
        () ->
            f.updates.apply(
                "channel:wa",
                new TemplateUpdate(
                    "WABA-1",
                    "1002",
                    "order_update",
                    "ar",
                    TemplateUpdate.Change.CATEGORY,
                    "MARKETING",
                    null,
                    "2",
                    "{}")));
    assertThat(f.templates.rows.list("wa", null, "ar").get(0).category()).isEqualTo("MARKETING");
  }

  @Test
  @DisplayName(
      "a quality change touches no row but still schedules a sync; an app without accounts changes nothing")
  void qualityAndUnknownApp() throws Exception {
    sync(orderUpdate());
    String note =
        f.inTx(
            () ->
                f.updates.apply(
                    "channel:wa",
                    new TemplateUpdate(
                        "WABA-1",
                        "1001",
                        "order_update",
                        "en_US",
                        TemplateUpdate.Change.QUALITY,
                        "RED",
                        null,
                        "3",
                        "{}")));
    assertThat(note).contains("0 stored template(s) updated");
    assertThat(f.outbox(TemplateActions.SYNC_TEMPLATES)).hasSize(1);
    assertThat(
            f.inTx(
                () ->
                    f.updates.apply(
                        "app:other",
                        new TemplateUpdate(
                            "WABA-2",
                            "9",
                            "x",
                            "en",
                            TemplateUpdate.Change.STATUS,
                            "APPROVED",
                            null,
                            "4",
                            "{}"))))
        .contains("no channel account of app:other");
  }
}

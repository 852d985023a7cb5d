package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Text;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sends through the API: locations, cards, reactions and quoting texts, policy asked at once. */
class ConversationSendsTest {
  private final OutboundFixture f = new OutboundFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("a location, a contact card, a reaction and a quoting text go out exactly as given")
  void everyKindGoesOutAsGiven() {
    Conversation c = f.customerWrote("Where is your shop?");
    String theirs = f.messages().get(0).externalId();
    Location shop =
        new Location(
            new BigDecimal("25.2048493"), new BigDecimal("55.2707828"), "Shop", "Main St 1");
    Contacts card =
        new Contacts(
            List.of(
                new ContactCard(
                    "Support",
                    List.of(new ContactCard.Entry("WORK", "+97140000000")),
                    List.of(new ContactCard.Entry(null, "help@example.com")),
                    List.of(),
                    "Example LLC",
                    null)));

    f.inTx(() -> f.apiSends.send(c.id(), "amal", shop, null, "k1"));
    f.inTx(() -> f.apiSends.send(c.id(), "amal", card, null, "k2"));
    f.inTx(() -> f.apiSends.send(c.id(), "amal", new Reaction(theirs, "\uD83D\uDC4D"), null, "k3"));
    f.inTx(() -> f.apiSends.send(c.id(), "amal", Text.of("See you there"), theirs, "k4"));
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent)
        .extracting(m -> m.content())
        .containsExactly(
            shop, card, new Reaction(theirs, "\uD83D\uDC4D"), Text.of("See you there"));
    assertThat(f.channel.sent.get(3).replyToExternalId()).isEqualTo(theirs);
    assertThat(f.channel.sent.get(0).replyToExternalId()).isNull();
  }

  @Test
  @DisplayName("reply buttons and a list go out with every option")
  void interactiveGoesOutAsGiven() {
    Conversation c = f.customerWrote("Can I change the delivery day?");
    io.switchboard.spi.content.Interactive buttons =
        io.switchboard.spi.content.Interactive.buttons(
            "Reschedule to Tuesday?",
            List.of(
                new io.switchboard.spi.content.Interactive.Option("yes", "Yes", null),
                new io.switchboard.spi.content.Interactive.Option("no", "No", null)));
    io.switchboard.spi.content.Interactive list =
        new io.switchboard.spi.content.Interactive(
            io.switchboard.spi.content.Interactive.Style.LIST,
            "Delivery",
            "Pick a slot",
            "Times are local",
            "Slots",
            List.of(
                new io.switchboard.spi.content.Interactive.Section(
                    "Tuesday",
                    List.of(
                        new io.switchboard.spi.content.Interactive.Option(
                            "tue-am", "Morning", "09:00-12:00")))));

    f.inTx(() -> f.apiSends.send(c.id(), "amal", buttons, null, "b"));
    f.inTx(() -> f.apiSends.send(c.id(), "amal", list, null, "l"));
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).extracting(m -> m.content()).containsExactly(buttons, list);
  }

  @Test
  @DisplayName("catalog products go out with their catalog, sections and product ids")
  void catalogProductsGoOut() {
    Conversation c = f.customerWrote("What mugs do you have?");
    io.switchboard.spi.content.CatalogProducts products =
        new io.switchboard.spi.content.CatalogProducts(
            "cat-1",
            "Summer mugs",
            "Pick yours",
            null,
            List.of(
                new io.switchboard.spi.content.CatalogProducts.Section(
                    "Mugs", List.of("mug-blue", "mug-red"))));

    f.inTx(() -> f.apiSends.send(c.id(), "amal", products, null, "p"));
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).extracting(m -> m.content()).containsExactly(products);
  }

  @Test
  @DisplayName("the same request key twice queues one message")
  void sameKeyOnce() {
    Conversation c = f.customerWrote("Hi");
    var first = f.inTx(() -> f.apiSends.send(c.id(), "amal", Text.of("Hello"), null, "same"));
    var again = f.inTx(() -> f.apiSends.send(c.id(), "amal", Text.of("Hello"), null, "same"));

    assertThat(again.orElseThrow().message().id()).isEqualTo(first.orElseThrow().message().id());
    assertThat(f.outbox(OutboxActions.SEND_TO_CHANNEL)).hasSize(1);
  }

  @Test
  @DisplayName("outside the window the channel's refusal is the answer; nothing is queued")
  void refusedAtOnceOutsideTheWindow() {
    Conversation c = f.customerWrote("Hi");
    f.in.clock.advance(Duration.ofHours(25));

    var outcome = f.inTx(() -> f.apiSends.send(c.id(), "amal", Text.of("Still there?"), null, "k"));

    assertThat(outcome.orElseThrow().message()).isNull();
    assertThat(outcome.get().refusal().reason()).isEqualTo(FailureReason.WINDOW_CLOSED);
    assertThat(f.outbox(OutboxActions.SEND_TO_CHANNEL)).isEmpty();
    assertThat(f.inTx(() -> f.apiSends.send("no-such", "amal", Text.of("x"), null, "k"))).isEmpty();
  }
}

package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.InboundContent;
import io.switchboard.spi.content.InteractiveReply;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.OrderItem;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrmEntryTextTest {
  private static final Map<String, CrmEntryText.Referenced> KNOWN =
      Map.of(
          "wamid.OURS",
          new CrmEntryText.Referenced(false, "Your order 4567 ships tomorrow."),
          "wamid.THEIRS",
          new CrmEntryText.Referenced(true, "Where is my order?\n\nIt is late."));

  private static String render(InboundContent content, MessageContext context) {
    return CrmEntryText.render(
        MessageContentJson.write(content, context),
        content.summary(),
        id -> Optional.ofNullable(KNOWN.get(id)));
  }

  private static String render(InboundContent content) {
    return render(content, MessageContext.NONE);
  }

  @Test
  void anOrderIsOneLinePerProductWithItsTotal() {
    Order order =
        new Order(
            "cat-1",
            List.of(
                new OrderItem("mug-blue", 2, new BigDecimal("12.50"), "AED"),
                new OrderItem("lid", 1, new BigDecimal("74.80"), "AED")),
            "Gift wrap please");

    assertThat(render(order))
        .isEqualTo(
            "Order of 2 products (catalog cat-1):\n"
                + "  2 x mug-blue at 12.50 AED = 25.00 AED\n"
                + "  1 x lid at 74.80 AED = 74.80 AED\n"
                + "Total: 99.80 AED\n"
                + "Note: Gift wrap please");
  }

  @Test
  void linesInSeveralCurrenciesAreNotSummed() {
    Order order =
        new Order(
            null,
            List.of(
                new OrderItem("a", 1, BigDecimal.ONE, "AED"),
                new OrderItem("b", 1, BigDecimal.ONE, "USD")),
            null);

    assertThat(render(order)).contains("Total: not summed").doesNotContain("Total: 2");
  }

  @Test
  void aReactionNamesTheMessageItReactsTo() {
    assertThat(render(new Reaction("wamid.OURS", "\uD83D\uDC4D")))
        .isEqualTo(
            "Reacted \uD83D\uDC4D to our message \u201cYour order 4567 ships tomorrow.\u201d");
    assertThat(render(new Reaction("wamid.THEIRS", "")))
        .isEqualTo(
            "Removed their reaction from their message \u201cWhere is my order? It is late.\u201d");
    assertThat(render(new Reaction("wamid.UNKNOWN", "\u2764")))
        .isEqualTo("Reacted \u2764 to an earlier message");
  }

  @Test
  void aQuotedReplyShowsWhatItQuotesAndForwardsAreMarked() {
    String text =
        render(Text.of("Yes, that one"), new MessageContext("wamid.OURS", true, false, null));

    assertThat(text)
        .isEqualTo(
            "(Forwarded)\n> In reply to our message \u201cYour order 4567 ships tomorrow.\u201d\n\n"
                + "Yes, that one");
  }

  @Test
  void aLocationIsAMapLink() {
    String text =
        render(
            new Location(
                new BigDecimal("25.2048493"), new BigDecimal("55.2707828"), "Shop", "Main St 1"));

    assertThat(text)
        .isEqualTo(
            "Location: Shop, Main St 1\n25.2048493, 55.2707828\n"
                + "https://www.openstreetmap.org/?mlat=25.2048493&mlon=55.2707828#map=17/25.2048493/55.2707828");
  }

  @Test
  void aContactCardListsEveryPhoneEmailAndAddress() {
    ContactCard card =
        new ContactCard(
            "Kerry Fisher",
            List.of(
                new ContactCard.Entry("CELL", "+16505551234"),
                new ContactCard.Entry(null, "+1 650 555 9999")),
            List.of(new ContactCard.Entry("WORK", "kerry@example.com")),
            List.of(new ContactCard.Entry("HOME", "1 Hacker Way, Menlo Park")),
            "Example Inc",
            "16505551234");

    assertThat(render(new Contacts(List.of(card))))
        .isEqualTo(
            "Shared a contact\n\nKerry Fisher\nOrganisation: Example Inc\n"
                + "Phone (cell): +16505551234\nPhone: +1 650 555 9999\n"
                + "E-mail (work): kerry@example.com\nAddress (home): 1 Hacker Way, Menlo Park");
  }

  @Test
  void interactiveRepliesAndFormsReadAsChoices() {
    assertThat(
            render(
                new InteractiveReply(
                    InteractiveReply.Kind.LIST, "slot-2", "Tuesday", "10:00-12:00", null)))
        .isEqualTo("Chose the list item \u201cTuesday\u201d: 10:00-12:00");
    assertThat(
            render(
                new InteractiveReply(
                    InteractiveReply.Kind.FLOW,
                    null,
                    null,
                    null,
                    "{\"flow_token\":\"t\",\"size\":\"XL\",\"count\":2}")))
        .isEqualTo("Submitted the form\n  size: XL\n  count: 2");
  }

  @Test
  void anAdReferralIsNamedAfterTheMessage() {
    Referral ad =
        new Referral("ad", "120", "https://fb.me/ad", "Summer sale", null, "image", "ctwa-1");

    assertThat(render(Text.of("Is this in stock?"), new MessageContext(null, false, false, ad)))
        .isEqualTo(
            "Is this in stock?\n\n(Came from an ad \u201cSummer sale\u201d: https://fb.me/ad)");
  }

  @Test
  void unknownTypesSayWhatTheyAreAndNoContentFallsBackToTheSummary() {
    assertThat(render(new Unsupported("poll", "{}", null)))
        .isEqualTo("Unsupported message of type poll");
    assertThat(CrmEntryText.render(null, "[Image] old row", id -> Optional.empty()))
        .isEqualTo("[Image] old row");
    assertThat(CrmEntryText.render("{not json", "[text]", id -> Optional.empty()))
        .isEqualTo("[text]");
  }

  @Test
  void longQuotesAreCutAtACodePoint() {
    String arabic = "\u0645\u0631\u062d\u0628\u0627 ".repeat(60);

    assertThat(CrmEntryText.excerpt(arabic)).endsWith("...").hasSizeLessThanOrEqualTo(163);
  }
}

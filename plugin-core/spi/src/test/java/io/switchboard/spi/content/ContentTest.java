package io.switchboard.spi.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContentTest {

  @Test
  @DisplayName("an order's total is exact BigDecimal arithmetic in its one currency")
  void orderTotal() {
    Order order =
        new Order(
            "cat-1",
            List.of(
                new OrderItem("sku-1", 3, new BigDecimal("0.10"), "AED"),
                new OrderItem("sku-2", 1, new BigDecimal("49.90"), "AED")),
            "Gift wrap");
    assertThat(order.total()).isEqualByComparingTo("50.20");
    assertThat(order.currency()).isEqualTo("AED");
    assertThat(order.summary()).contains("total 50.20 AED").contains("Note: Gift wrap");
  }

  @Test
  @DisplayName("an order of mixed currencies has no currency and no total in its summary")
  void mixedCurrencies() {
    Order order =
        new Order(
            null,
            List.of(
                new OrderItem("a", 1, BigDecimal.ONE, "AED"),
                new OrderItem("b", 1, BigDecimal.ONE, "USD")),
            null);
    assertThat(order.currency()).isNull();
    assertThat(order.summary()).doesNotContain("total");
  }

  @Test
  @DisplayName("a reaction with an empty emoji is a removal")
  void reactionRemoved() {
    assertThat(new Reaction("wamid.1", "").removed()).isTrue();
    assertThat(new Reaction("wamid.1", null).summary()).isEqualTo("Reaction removed");
    assertThat(new Reaction("wamid.1", "👍").summary()).isEqualTo("Reacted 👍");
  }

  @Test
  @DisplayName("media needs a reference or a link; voice notes count as audio")
  void media() {
    assertThatThrownBy(() -> new Media(MediaKind.IMAGE, null, null, null, null, null, -1, null))
        .isInstanceOf(IllegalArgumentException.class);
    Media voice = Media.byReference(MediaKind.VOICE, "m1", "audio/ogg", null);
    assertThat(voice.type()).isEqualTo("audio");
    assertThat(voice.summary()).isEqualTo("[Voice message]");
  }

  @Test
  @DisplayName("coordinates keep every digit they were sent with")
  void locationExact() {
    Location l =
        new Location(new BigDecimal("25.197197"), new BigDecimal("55.274376"), "Burj", null);
    assertThat(l.summary()).contains("25.197197, 55.274376");
  }
}

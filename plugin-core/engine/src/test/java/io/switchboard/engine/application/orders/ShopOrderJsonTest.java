package io.switchboard.engine.application.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.domain.OrderLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShopOrderJsonTest {
  static final String VALID =
      """
      {"orderId": "1001", "status": "Paid", "placedAt": "2026-12-03T14:15:00+04:00",
       "updatedAt": "2026-12-03T10:20:00Z", "currency": "AED", "total": "199.50",
       "customer": {"phone": "+971 50 123 4567", "email": "Amal@Example.com", "name": "Amal"},
       "items": [{"sku": "TEA-1", "name": "Saffron tea", "quantity": 2, "unitPrice": 99.75}],
       "note": "Gift wrap", "somethingElse": true}
      """;

  private static PushedOrder read(String json) throws InvalidOrderException {
    return ShopOrderJson.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "a valid push: exact amounts from strings or numbers, E.164 phone, lower-case e-mail")
  void valid() throws Exception {
    PushedOrder o = read(VALID);
    assertThat(o.orderId()).isEqualTo("1001");
    assertThat(o.details().status()).isEqualTo("paid");
    assertThat(o.details().placedAt()).isEqualTo(Instant.parse("2026-12-03T10:15:00Z"));
    assertThat(o.details().updatedAt()).isEqualTo(Instant.parse("2026-12-03T10:20:00Z"));
    assertThat(o.details().total()).isEqualByComparingTo("199.50");
    assertThat(o.details().items())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.unitPrice()).hasToString("99.75");
              assertThat(l.quantity()).isEqualTo(2);
              assertThat(l.currency()).isEqualTo("AED");
            });
    assertThat(o.details().buyer().phoneE164()).isEqualTo("+971501234567");
    assertThat(o.details().buyer().email()).isEqualTo("amal@example.com");
  }

  @Test
  @DisplayName("without a total, the lines are totalled; a numeric order id is taken as text")
  void totalFromLines() throws Exception {
    PushedOrder o =
        read(
            """
            {"orderId": 1002, "placedAt": "2026-12-03T10:15:00Z", "currency": "KWD",
             "items": [{"sku": "A", "quantity": 3, "unitPrice": "1.125"},
                       {"name": "B", "quantity": 1, "unitPrice": "0.5"}]}
            """);
    assertThat(o.orderId()).isEqualTo("1002");
    assertThat(o.details().status()).isEqualTo("placed");
    assertThat(o.details().total()).isEqualByComparingTo("3.875");
    assertThat(o.details().items()).extracting(OrderLine::lineTotal).hasSize(2);
  }

  @Test
  @DisplayName("every bad field is named, with what is wrong with it")
  void everyBadFieldNamed() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    {"status": 3, "placedAt": "yesterday", "currency": "aed", "total": "-1",
                     "customer": {"phone": "0501234567", "email": "not-an-address"},
                     "items": [{"quantity": 0, "unitPrice": "abc"}, "x",
                               {"sku": "A", "quantity": 2.5, "unitPrice": "1.999"}]}
                    """))
        .isInstanceOfSatisfying(
            InvalidOrderException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder(
                        "orderId",
                        "status",
                        "placedAt",
                        "currency",
                        "total",
                        "items[0]",
                        "items[0].quantity",
                        "items[0].unitPrice",
                        "items[1]",
                        "items[2].quantity",
                        "customer.phone",
                        "customer.email"));
  }

  @Test
  @DisplayName("decimals beyond the currency's, and amounts that are not numbers, are refused")
  void amounts() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    {"orderId": "1", "placedAt": "2026-12-03T10:15:00Z", "currency": "AED",
                     "total": "199.505",
                     "items": [{"sku": "A", "quantity": 1, "unitPrice": true}]}
                    """))
        .isInstanceOfSatisfying(
            InvalidOrderException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem("total", "has more decimals than AED has (2)"),
                        new FieldProblem(
                            "items[0].unitPrice",
                            "must be a decimal number or a string holding one, e.g. \"199.50\"")));
  }

  @Test
  @DisplayName("a body that is no JSON object is one problem, for the whole body")
  void notJson() {
    for (String body : new String[] {"", "{", "[1]", "\"order\""}) {
      assertThatThrownBy(() -> read(body))
          .isInstanceOfSatisfying(
              InvalidOrderException.class,
              e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(""));
    }
  }
}

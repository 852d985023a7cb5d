package io.switchboard.engine.interfaces.rest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.application.templates.TemplateProblem;
import io.switchboard.engine.application.templates.TestTemplates;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendWindow;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.TemplateParameter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The template endpoints' JSON: the send request, its refusals, the templates and the window. */
@DisplayName("Template admin JSON")
class TemplateAdminJsonTest {
  private static JsonObject json(String s) {
    return EngineJson.PROVIDER.createReader(new StringReader(s)).readObject();
  }

  @Test
  @DisplayName("a send request reads typed header, body and button values and the actor")
  void readsRequest() {
    TemplateRequestJson.Parsed p =
        TemplateRequestJson.read(
            json(
                """
                {"name": "order_update", "language": "en_US", "actor": "ops",
                 "header": [{"type": "media", "kind": "image", "link": "https://s.example/a.jpg"}],
                 "body": [{"type": "currency", "amount": "99.80", "currency": "AED",
                           "fallback": "AED 99.80"},
                          {"type": "date_time", "at": "2026-12-07T10:00:00+04:00",
                           "fallback": "Monday"},
                          {"type": "text", "text": "4567", "name": "order_id"}],
                 "buttons": [{"index": 0, "parameters": [{"type": "text", "text": "4567"}]},
                             {"index": 1, "text": "COUPON"}]}
                """));

    assertThat(p.errors()).isEmpty();
    assertThat(p.actor()).isEqualTo("ops");
    var r = p.request();
    assertThat(((TemplateParameter.MediaValue) r.header().get(0)).media().kind())
        .isEqualTo(MediaKind.IMAGE);
    assertThat(((TemplateParameter.CurrencyValue) r.body().get(0)).amount())
        .isEqualByComparingTo(new BigDecimal("99.80"));
    assertThat(((TemplateParameter.DateTimeValue) r.body().get(1)).fallback()).isEqualTo("Monday");
    assertThat(r.body().get(2).name()).isEqualTo("order_id");
    assertThat(r.buttons()).containsOnlyKeys(0, 1);
    assertThat(TemplateRequestJson.read(json("{\"name\": \"x\"}")).actor()).isEqualTo("admin API");
  }

  @Test
  @DisplayName("a body that cannot be read is a 400 problem listing every error")
  void unreadable() {
    TemplateRequestJson.Parsed p =
        TemplateRequestJson.read(
            json(
                """
                {"body": [{"type": "money"}, {"type": "currency", "amount": "lots",
                  "currency": "AED", "fallback": "x"}, {"type": "date_time", "at": "Monday",
                  "fallback": "Monday"}], "buttons": [{"text": "x"}]}
                """));
    assertThat(p.errors())
        .containsExactly(
            "name: the template name is required",
            "body parameter 1: parameter type money is not one of text, currency, date_time, media",
            "body parameter 2: a currency parameter needs an amount such as \"99.80\"",
            "body parameter 3: a date_time parameter needs \"at\" as ISO-8601 with offset, e.g."
                + " 2026-12-07T10:00:00+04:00",
            "buttons: each needs an index (0-based) and parameters");
    JsonObject problem = TemplateRequestJson.unreadable(p.errors()).toJson();
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("problems")).hasSize(5);
    assertThat(TemplateRequestJson.read(null).errors()).hasSize(1);
  }

  @Test
  @DisplayName("a refused template is a 422 problem with one reason per problem")
  void refused() {
    JsonObject problem =
        TemplateRequestJson.refused(
                List.of(
                    new TemplateProblem(
                        "parameter-count", "body", "the body takes 2 parameters, got 1"),
                    new TemplateProblem("not-approved", "template", "promo (en_US) is PAUSED")))
            .toJson();
    assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:template-refused");
    assertThat(problem.getInt("status")).isEqualTo(422);
    assertThat(problem.getString("detail"))
        .isEqualTo("body: the body takes 2 parameters, got 1; template: promo (en_US) is PAUSED");
    JsonObject first = problem.getJsonArray("problems").getJsonObject(0);
    assertThat(first.keySet()).containsExactly("reason", "part", "detail");
    assertThat(first.getString("reason")).isEqualTo("parameter-count");
  }

  @Test
  @DisplayName("a template: name, language, status, parameter counts per part and its parts")
  void template() {
    JsonObject t = TemplateView.of(TestTemplates.stored(TestTemplates.orderUpdate()));
    assertThat(t.keySet())
        .containsExactly(
            "name",
            "language",
            "id",
            "category",
            "status",
            "statusReason",
            "parameters",
            "parts",
            "syncedAt",
            "updatedAt");
    assertThat(t.getJsonObject("parameters").getInt("header")).isEqualTo(1);
    assertThat(t.getJsonObject("parameters").getInt("body")).isEqualTo(2);
    assertThat(t.getJsonObject("parameters").getInt("buttons")).isEqualTo(1);
    assertThat(t.getJsonArray("parts").getJsonObject(1).getString("text"))
        .isEqualTo("Order {{1}} ships on {{2}}.");
    assertThat(t.get("statusReason")).isEqualTo(JsonValue.NULL);
  }

  @Test
  @DisplayName("the window: open or closed, which one, when it closes, every window's times")
  void window() {
    SendPolicy policy =
        new SendPolicy(
            Set.of("text", "template"),
            Set.of("text"),
            List.of(
                new SendWindow(
                    "customer-service",
                    SendWindow.Opener.CUSTOMER_MESSAGE,
                    Duration.ofHours(24),
                    null),
                new SendWindow(
                    "free-entry-point", SendWindow.Opener.AD_REFERRAL, Duration.ofHours(72), null)),
            SendPolicy.OutsideWindows.TEMPLATES_ONLY,
            80,
            Duration.ZERO,
            4096,
            Map.of());
    Instant wrote = Instant.parse("2026-12-01T10:00:00Z");
    JsonObject open =
        WindowView.of(
            ConversationWindow.of(
                policy, new ConversationFacts(wrote, null, wrote.plus(Duration.ofHours(2)))),
            null);
    assertThat(open.getBoolean("open")).isTrue();
    assertThat(open.getString("window")).isEqualTo("customer-service");
    assertThat(open.getString("closesAt")).isEqualTo("2026-12-02T10:00:00Z");
    assertThat(open.getJsonArray("windows").getJsonObject(1).get("openedAt"))
        .isEqualTo(JsonValue.NULL);

    JsonObject closed =
        WindowView.of(
            ConversationWindow.of(
                policy, new ConversationFacts(wrote, wrote, wrote.plus(Duration.ofDays(4)))),
            null);
    assertThat(closed.getBoolean("open")).isFalse();
    assertThat(closed.get("window")).isEqualTo(JsonValue.NULL);
    assertThat(closed.getString("closesAt")).isEqualTo("2026-12-04T10:00:00Z");
    assertThat(closed.getString("outside")).isEqualTo("TEMPLATES_ONLY");

    JsonObject unknown = WindowView.of(null, "channel account wa is gone");
    assertThat(unknown.get("open")).isEqualTo(JsonValue.NULL);
    assertThat(unknown.getString("problem")).isEqualTo("channel account wa is gone");
  }
}

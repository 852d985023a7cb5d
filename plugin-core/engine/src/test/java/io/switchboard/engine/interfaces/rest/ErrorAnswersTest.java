package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.pipeline.IngestOutcome;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every error answer is a problem detail; anonymous callers (webhooks, unmatched paths) read no
 * internal detail, admins do.
 */
@DisplayName("Error answers")
class ErrorAnswersTest {
  private static final String INTERNAL =
      "Connection to db.internal.example:5432 refused (org.postgresql.util.PSQLException)";

  @AdminApi
  static class SomeAdminResource {}

  static class SomeWebhookResource {}

  static ResourceInfo matched(Class<?> type) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return null;
      }

      @Override
      public Class<?> getResourceClass() {
        return type;
      }
    };
  }

  @Nested
  @DisplayName("an unexpected exception")
  class Unexpected {
    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    @Test
    @DisplayName(
        "is a 500 without its text for an anonymous caller, with an id to find it in the log")
    void anonymous() {
      mapper.resource = matched(SomeWebhookResource.class);
      JsonObject json = mapper.problem(new RuntimeException(INTERNAL)).toJson();
      assertThat(json.getInt("status")).isEqualTo(500);
      assertThat(json.getString("type")).isEqualTo("urn:switchboard:problem:internal-error");
      assertThat(json.toString())
          .doesNotContain("db.internal")
          .doesNotContain("PSQLException")
          .doesNotContain("RuntimeException");
      assertThat(json.getString("detail")).contains(json.getString("errorId"));
    }

    @Test
    @DisplayName("is the same for a request no resource matched")
    void unmatched() {
      mapper.resource = null;
      assertThat(mapper.problem(new RuntimeException(INTERNAL)).toJson().toString())
          .doesNotContain("db.internal");
    }

    @Test
    @DisplayName("shows its text to an admin")
    void admin() {
      mapper.resource = matched(SomeAdminResource.class);
      assertThat(mapper.problem(new RuntimeException(INTERNAL)).detail()).contains("db.internal");
    }

    @Test
    @DisplayName("a body that is not JSON is the caller's 400")
    void unreadableJson() {
      mapper.resource = matched(SomeAdminResource.class);
      Problem problem =
          mapper.problem(new ProcessingException(new JsonParsingException("bad", null)));
      assertThat(problem.status()).isEqualTo(400);
      assertThat(problem.type()).isEqualTo("urn:switchboard:problem:unreadable-body");
    }
  }

  @Nested
  @DisplayName("a configuration problem (IllegalStateException)")
  class Misconfigured {
    private final IllegalStateMapper mapper = new IllegalStateMapper();

    @Test
    @DisplayName("is a 503 that names no cause to an anonymous caller")
    void anonymous() {
      mapper.resource = matched(SomeWebhookResource.class);
      Problem problem = mapper.problem(new IllegalStateException(INTERNAL));
      assertThat(problem.status()).isEqualTo(503);
      assertThat(problem.toJson().toString()).doesNotContain("db.internal");
    }

    @Test
    @DisplayName("names the cause to an admin")
    void admin() {
      mapper.resource = matched(SomeAdminResource.class);
      assertThat(mapper.problem(new IllegalStateException("no secrets key")).detail())
          .isEqualTo("no secrets key");
    }
  }

  @Test
  @DisplayName("the container's refusals keep their status as about:blank problems")
  void containerRefusals() {
    WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
    Problem problem = mapper.problem(405, "HTTP 405 Method Not Allowed");
    assertThat(problem.status()).isEqualTo(405);
    assertThat(problem.type()).isEqualTo("about:blank");
    assertThat(problem.detail()).isNull();
  }

  @Test
  @DisplayName("an over-large body is a 413 problem naming the limit")
  void bodyTooLarge() {
    Problem problem = new BodyTooLargeMapper().problem(new BodyTooLargeException(4194304));
    assertThat(problem.status()).isEqualTo(413);
    assertThat(problem.type()).isEqualTo("urn:switchboard:problem:payload-too-large");
    assertThat(problem.detail()).contains("4194304");
  }

  @Test
  @DisplayName("refused webhooks are problems that keep the result field and drop the reason")
  void webhookRefusals() {
    Problem unknown =
        WebhookRequests.refusal(
            new IngestOutcome(IngestOutcome.Result.UNKNOWN_SOURCE, 0, 0, "no channel wa-x"), null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.toJson().getString("result")).isEqualTo("unknown_source");
    Problem unauthentic =
        WebhookRequests.refusal(
            new IngestOutcome(IngestOutcome.Result.UNAUTHENTIC, 0, 0, "HMAC mismatch"), null);
    assertThat(unauthentic.status()).isEqualTo(401);
    assertThat(unauthentic.toJson().toString()).doesNotContain("HMAC");
  }
}

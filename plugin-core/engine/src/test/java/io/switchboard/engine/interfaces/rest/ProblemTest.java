package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 9457 problem details")
class ProblemTest {
  @Test
  @DisplayName("carry type, title, status, detail and instance, then extension members")
  void standardMembers() {
    JsonObject json =
        Problem.of(400, "invalid-configuration", "Invalid configuration")
            .withDetail("baseUrl is required")
            .withInstance("/switchboard/api/admin/crm-connections/rt")
            .with("problems", EngineJson.PROVIDER.createArrayBuilder().add("x").build())
            .toJson();
    assertThat(json.getString("type")).isEqualTo("urn:switchboard:problem:invalid-configuration");
    assertThat(json.getString("title")).isEqualTo("Invalid configuration");
    assertThat(json.getInt("status")).isEqualTo(400);
    assertThat(json.getString("detail")).isEqualTo("baseUrl is required");
    assertThat(json.getString("instance")).isEqualTo("/switchboard/api/admin/crm-connections/rt");
    assertThat(json.getJsonArray("problems").getString(0)).isEqualTo("x");
  }

  @Test
  @DisplayName("a bare status is about:blank with the status's reason phrase, and no detail member")
  void bareStatus() {
    JsonObject json = Problem.ofStatus(405).toJson();
    assertThat(json.getString("type")).isEqualTo("about:blank");
    assertThat(json.getString("title")).isEqualTo("Method Not Allowed");
    assertThat(json.containsKey("detail")).isFalse();
    assertThat(json.containsKey("instance")).isFalse();
  }

  @Test
  @DisplayName("are served as application/problem+json")
  void mediaType() {
    assertThat(Problem.MEDIA_TYPE.getType()).isEqualTo("application");
    assertThat(Problem.MEDIA_TYPE.getSubtype()).isEqualTo("problem+json");
  }
}

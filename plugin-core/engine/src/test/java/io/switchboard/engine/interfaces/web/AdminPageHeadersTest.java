package io.switchboard.engine.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin pages' security headers")
class AdminPageHeadersTest {
  private final String csp = AdminPageHeaders.HEADERS.get("Content-Security-Policy");

  @Test
  @DisplayName("allow only the page's own files, and nothing inline")
  void onlyOwnFiles() {
    assertThat(csp)
        .contains("default-src 'self'")
        .contains("script-src 'self';")
        .contains("style-src 'self';")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .doesNotContain("*");
  }

  @Test
  @DisplayName("forbid framing, plugins and base-URL tricks")
  void noFramingNoPlugins() {
    assertThat(csp)
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .contains("base-uri 'none'");
    assertThat(AdminPageHeaders.HEADERS)
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY");
  }
}

package io.switchboard.engine.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentPageHeadersTest {
  @Test
  void theCrmsOriginsMayFrameTheInboxAndNothingElseIsLoosened() {
    assertThat(AgentPageHeaders.policy("https://rt.example"))
        .contains("frame-ancestors 'self' https://rt.example")
        .contains("script-src 'self';")
        .contains("img-src 'self' data: blob:;")
        .contains("media-src 'self' blob:;")
        .contains("object-src 'none'")
        .doesNotContain("unsafe");
    assertThat(AgentPageHeaders.policy("")).endsWith("frame-ancestors 'self'");
  }

  @Test
  void onlyPlainOriginsReachTheDirective() {
    assertThat(AgentPageHeaders.isOrigin("http://127.0.0.1:8081")).isTrue();
    assertThat(AgentPageHeaders.isOrigin("https://rt.example")).isTrue();
    assertThat(AgentPageHeaders.isOrigin("https://rt.example; script-src *")).isFalse();
    assertThat(AgentPageHeaders.isOrigin("*")).isFalse();
    assertThat(AgentPageHeaders.isOrigin(null)).isFalse();
  }
}

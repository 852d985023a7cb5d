package io.switchboard.engine.application.connections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionConfigCodecTest {

  @Test
  @DisplayName("stored configuration keeps every value")
  void configCodec() {
    var values = java.util.Map.of("baseUrl", "http://127.0.0.1:8092", "queue", "Support \"VIP\"");
    assertThat(ConnectionConfigCodec.read(ConnectionConfigCodec.write(values))).isEqualTo(values);
  }
}

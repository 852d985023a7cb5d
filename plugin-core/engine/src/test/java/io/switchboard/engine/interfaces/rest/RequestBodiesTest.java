package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook bodies are read within the configured limit")
class RequestBodiesTest {
  private static final long LIMIT = 1024;

  @Test
  @DisplayName("a body up to the limit is read whole")
  void bodyWithinLimitIsRead() {
    byte[] body = new byte[(int) LIMIT];
    assertThat(RequestBodies.read(new ByteArrayInputStream(body), LIMIT, LIMIT)).hasSize(1024);
    assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[3]), -1, LIMIT)).hasSize(3);
  }

  @Test
  @DisplayName("a declared Content-Length over the limit is refused before a byte is read")
  void declaredLengthIsHonouredEarly() {
    EndlessBody body = new EndlessBody();
    assertThatThrownBy(() -> RequestBodies.read(body, LIMIT + 1, LIMIT))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(body.served).isZero();
  }

  @Test
  @DisplayName("an endless body without Content-Length is cut off after limit + 1 bytes")
  void endlessBodyIsNeverBufferedWhole() {
    EndlessBody body = new EndlessBody();
    assertThatThrownBy(() -> RequestBodies.read(body, -1, LIMIT))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessageContaining("1024");
    assertThat(body.served).isLessThanOrEqualTo(LIMIT + 1);
  }

  @Test
  @DisplayName("a Content-Length that understates the body does not lift the limit")
  void understatedLengthIsNoWayAround() {
    assertThatThrownBy(() -> RequestBodies.read(new EndlessBody(), 10, LIMIT))
        .isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  @DisplayName("the default limit is 4 MiB, above Meta's largest payloads (about 3 MB)")
  void defaultLimit() {
    byte[] metaSized = new byte[3 * 1000 * 1000];
    assertThat(new RequestBodies().read(new ByteArrayInputStream(metaSized), null))
        .hasSize(3_000_000);
    assertThat(RequestBodies.DEFAULT_MAX_BYTES).isEqualTo(4L * 1024 * 1024);
  }

  /** A sender that never stops, counting what it served. */
  private static final class EndlessBody extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      served += len;
      return len;
    }
  }
}

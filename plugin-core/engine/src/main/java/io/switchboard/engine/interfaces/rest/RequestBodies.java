package io.switchboard.engine.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads webhook bodies within {@code switchboard.http.max-body-bytes} (4 MiB; Meta's payloads reach
 * about 3 MB). A declared {@code Content-Length} over the limit is refused before a byte is read;
 * without one (chunked) at most limit + 1 bytes are read, so an endless body never fills memory.
 */
@ApplicationScoped
public class RequestBodies {
  public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "switchboard.http.max-body-bytes", defaultValue = "4194304")
  long maxBytes;

  /** For the container and for tests that set the limit by hand. */
  public RequestBodies() {
    this(DEFAULT_MAX_BYTES);
  }

  public RequestBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * @throws BodyTooLargeException when the body is over the limit
   */
  public byte[] read(InputStream body, HttpHeaders headers) {
    return read(body, headers == null ? -1 : headers.getLength(), maxBytes);
  }

  /**
   * @param declaredLength the request's {@code Content-Length}, or -1
   */
  static byte[] read(InputStream body, long declaredLength, long limit) {
    if (declaredLength > limit) {
      throw new BodyTooLargeException(limit);
    }
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > limit) {
        throw new BodyTooLargeException(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }
}

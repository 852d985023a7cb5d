package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.content.MediaKind;
import java.util.List;
import java.util.Optional;

/**
 * A file an agent uploads in the inbox view, checked before it is kept: its real type from the
 * bytes ({@link MediaTypes}, Apache Tika), then against the send policies of the channels it may go
 * to (the kind must be one they send, the size within their limit), with the same sentences the
 * send itself would give. The send checks again against the conversation's own channel.
 */
public final class UploadCheck {
  private UploadCheck() {}

  /** What the check found. */
  public sealed interface Verdict permits Accepted, TooLarge, Unsupported {}

  /** The file may go: as this kind, with this content type. */
  public record Accepted(MediaKind kind, String mimeType) implements Verdict {}

  public record TooLarge(String detail) implements Verdict {}

  public record Unsupported(String detail) implements Verdict {}

  /**
   * @param policies the send policies of the channels the agent's conversations use (at least one)
   */
  public static Verdict check(byte[] data, String fileName, List<SendPolicy> policies) {
    String detected = MediaTypes.detect(data, fileName);
    Optional<MediaTypes.Checked> type = MediaTypes.check(detected);
    String label = fileName == null || fileName.isBlank() ? "the file" : fileName;
    if (type.isEmpty()) {
      return new Unsupported(label + " (" + detected + ") cannot be sent: " + allowed(policies));
    }
    MediaKind kind = type.get().kind();
    List<SendPolicy> sending =
        policies.stream().filter(p -> p.outboundTypes().contains(kind.typeName())).toList();
    if (sending.isEmpty()) {
      return new Unsupported(label + " (" + detected + ") cannot be sent: " + allowed(policies));
    }
    long limit =
        sending.stream()
            .mapToLong(p -> p.maxMediaBytes().getOrDefault(kind, Long.MAX_VALUE))
            .max()
            .orElse(Long.MAX_VALUE);
    if (data.length > limit) {
      return new TooLarge(
          label
              + " has "
              + MediaTypes.size(data.length)
              + ", "
              + MediaTypes.plural(kind)
              + " may have at most "
              + MediaTypes.size(limit));
    }
    return new Accepted(kind, type.get().contentType());
  }

  private static String allowed(List<SendPolicy> policies) {
    return policies.isEmpty()
        ? "no channel takes files"
        : "only " + MediaTypes.allowed(policies.get(0)) + " are allowed";
  }
}

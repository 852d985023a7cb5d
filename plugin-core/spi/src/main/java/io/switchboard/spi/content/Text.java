package io.switchboard.spi.content;

import java.util.Objects;

/**
 * Plain text.
 *
 * <pre>{@code
 * new Text("See https://example.com/track/4567", true)
 * }</pre>
 *
 * @param body the text, never {@code null}
 * @param previewUrl outbound: ask the channel to show a preview of the first link; inbound: always
 *     {@code false}
 */
public record Text(String body, boolean previewUrl) implements InboundContent, OutboundContent {
  public Text {
    Objects.requireNonNull(body, "body");
  }

  /** Text without link preview. */
  public static Text of(String body) {
    return new Text(body, false);
  }

  @Override
  public String type() {
    return "text";
  }

  @Override
  public String summary() {
    return body;
  }
}

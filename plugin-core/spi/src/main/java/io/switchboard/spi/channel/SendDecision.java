package io.switchboard.spi.channel;

import io.switchboard.spi.FailureReason;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a message may be sent now, decided by {@link SendPolicy#check} before any call to the
 * channel.
 *
 * <pre>{@code
 * SendDecision d = policy.check(content, facts);
 * if (!d.allowed()) tellAgent(d.reason(), d.explanation());
 * }</pre>
 *
 * @param allowed whether it may go out
 * @param window the window it uses when allowed ({@code null} for content allowed at any time)
 * @param reason the neutral reason when refused, else {@code null}
 * @param explanation a sentence for the agent when refused, else {@code null}
 */
public record SendDecision(
    boolean allowed, SendWindow window, FailureReason reason, String explanation) {

  public static SendDecision allowedIn(SendWindow window) {
    return new SendDecision(true, window, null, null);
  }

  public static SendDecision refused(FailureReason reason, String explanation) {
    return new SendDecision(false, null, Objects.requireNonNull(reason), explanation);
  }

  /** The tag the message must carry to use its window (e.g. {@code HUMAN_AGENT}). */
  public Optional<String> tag() {
    return Optional.ofNullable(window).map(SendWindow::tag);
  }
}

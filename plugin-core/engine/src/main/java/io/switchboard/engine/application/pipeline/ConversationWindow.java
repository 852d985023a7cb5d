package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a conversation's free-form window is open now, by the channel's {@link SendPolicy}: which
 * window (the customer-service window after their last message, the free entry window after an ad),
 * when it closes or closed, and what may go out when none is open.
 *
 * @param applies whether the channel has windows at all (else free-form messages always go)
 * @param open whether a window is open now
 * @param window the name of the open window, else {@code null}
 * @param closesAt when the open window closes, else when the last one closed, or {@code null}
 * @param windows each window of the policy with its times
 * @param outsideWindows what may go out when none is open ({@code TEMPLATES_ONLY}, {@code NOTHING})
 */
public record ConversationWindow(
    boolean applies,
    boolean open,
    String window,
    Instant closesAt,
    List<Times> windows,
    SendPolicy.OutsideWindows outsideWindows) {

  /**
   * One window's times.
   *
   * @param openedAt when it opened (the customer's last message, the ad referral), or {@code null}
   * @param closesAt when it closes or closed, or {@code null} when it never opened
   */
  public record Times(
      String name,
      SendWindow.Opener opener,
      Duration length,
      String tag,
      Instant openedAt,
      Instant closesAt,
      boolean open) {}

  public ConversationWindow {
    windows = List.copyOf(windows);
  }

  public static ConversationWindow of(SendPolicy policy, ConversationFacts facts) {
    List<Times> times = new ArrayList<>();
    for (SendWindow w : policy.windows()) {
      Instant opened =
          w.opener() == SendWindow.Opener.CUSTOMER_MESSAGE
              ? facts.lastCustomerMessageAt()
              : facts.adReferralAt();
      Instant closes = opened == null ? null : opened.plus(w.length());
      times.add(
          new Times(
              w.name(),
              w.opener(),
              w.length(),
              w.tag(),
              opened,
              closes,
              closes != null && facts.now().isBefore(closes)));
    }
    Optional<SendWindow> open = policy.openWindow(facts);
    Instant closesAt =
        open.map(w -> times.stream().filter(t -> t.name().equals(w.name())).findFirst())
            .flatMap(t -> t.map(Times::closesAt))
            .orElseGet(
                () ->
                    times.stream()
                        .map(Times::closesAt)
                        .filter(java.util.Objects::nonNull)
                        .max(Instant::compareTo)
                        .orElse(null));
    return new ConversationWindow(
        !policy.windows().isEmpty(),
        policy.windows().isEmpty() || open.isPresent(),
        open.map(SendWindow::name).orElse(null),
        closesAt,
        times,
        policy.outsideWindows());
  }
}

package io.switchboard.engine.application.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.infrastructure.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A signed link opens its file until it expires, and nothing else. */
class MediaLinksTest {
  private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
  private static final String ID = "4f1c2a9e-8d7b-4c35-9a61-0d2e5b7f3c18";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final MediaSettings settings = new MediaSettings(1000, "PT15M", "P90D");
  private final MediaLinks links =
      new MediaLinks(KEY, "https://bridge.example.com/", settings, clock);

  @Test
  @DisplayName("a link names the file, expires after the link lifetime and verifies until then")
  void signedLinkWorksUntilItExpires() {
    MediaLinks.Link link = links.sign(ID).orElseThrow();
    long exp = link.expires().getEpochSecond();

    assertThat(link.url())
        .isEqualTo(
            "https://bridge.example.com/switchboard/api/media/"
                + ID
                + "?exp="
                + exp
                + "&sig="
                + link.signature());
    assertThat(link.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(links.verify(ID, exp, link.signature())).isTrue();

    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertThat(links.verify(ID, exp, link.signature())).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(links.verify(ID, exp, link.signature())).as("expired").isFalse();
  }

  @Test
  @DisplayName("a tampered expiry, signature or id, or another bridge's key, is refused")
  void tamperingIsRefused() {
    MediaLinks.Link link = links.sign(ID).orElseThrow();
    long exp = link.expires().getEpochSecond();
    String sig = link.signature();
    String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);

    assertThat(links.verify(ID, exp + 3600, sig)).as("later expiry").isFalse();
    assertThat(links.verify(ID, exp, flipped)).as("changed signature").isFalse();
    assertThat(links.verify(ID.replace('4', '5'), exp, sig)).as("other file").isFalse();
    assertThat(links.verify(ID, exp, null)).isFalse();
    MediaLinks other = new MediaLinks(OTHER_KEY, "https://bridge.example.com", settings, clock);
    assertThat(other.verify(ID, exp, sig)).as("other key").isFalse();
  }

  @Test
  @DisplayName("without a usable secrets key there are no links, and none verifies")
  void noKeyNoLinks() {
    MediaLinks keyless = new MediaLinks(null, "https://bridge.example.com", settings, clock);
    MediaLinks shortKey = new MediaLinks("c2hvcnQ=", "https://bridge.example.com", settings, clock);
    String sig = links.sign(ID).orElseThrow().signature();
    long exp = clock.instant().getEpochSecond() + 60;

    assertThat(keyless.sign(ID)).isEmpty();
    assertThat(shortKey.sign(ID)).isEmpty();
    assertThat(keyless.verify(ID, exp, sig)).isFalse();
  }
}

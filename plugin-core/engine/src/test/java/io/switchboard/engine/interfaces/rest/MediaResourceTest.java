package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A served file is always a download, under its own name in every browser. */
class MediaResourceTest {
  @Test
  @DisplayName("Content-Disposition: attachment, an ASCII fallback and the UTF-8 name (RFC 5987)")
  void disposition() {
    assertThat(MediaResource.disposition("Rechnung März.pdf"))
        .isEqualTo(
            "attachment; filename=\"Rechnung M_rz.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
    assertThat(MediaResource.disposition("a\";b.txt"))
        .isEqualTo("attachment; filename=\"a__b.txt\"; filename*=UTF-8''a%22%3Bb.txt");
    assertThat(MediaResource.disposition(null)).startsWith("attachment; filename=\"file\"");
  }
}

package io.switchboard.engine.application.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The type of a file comes from its bytes; programs and scripts are refused. */
class MediaTypeCheckTest {
  private final MediaTypeCheck check = new MediaTypeCheck();

  @Test
  @DisplayName("a PNG sent as photo.jpg (claimed image/jpeg) is detected as image/png")
  void pngClaimedAsJpeg() {
    assertThat(check.detect(MediaSamples.png(), "photo.jpg")).isEqualTo("image/png");
    assertThat(check.detect(MediaSamples.png(), null)).isEqualTo("image/png");
  }

  @Test
  @DisplayName("a Windows program named invoice.pdf is detected as a program and refused")
  void programClaimedAsDocument() {
    String detected = check.detect(MediaSamples.windowsProgram(), "invoice.pdf");

    assertThat(detected).startsWith("application/x-");
    assertThatThrownBy(() -> check.refuseDangerous(detected))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED_CONTENT);
              assertThat(e.getMessage()).contains("program or script").contains(detected);
            });
  }

  @Test
  @DisplayName("a shell script named notes.txt is refused; a .sh name alone makes text a script")
  void scripts() {
    String script = check.detect(MediaSamples.shellScript(), "notes.txt");
    assertThat(script).isEqualTo("application/x-sh");
    assertThatThrownBy(() -> check.refuseDangerous(script)).isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> check.refuseDangerous(check.detect(MediaSamples.text(), "run.sh")))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  @DisplayName("images, PDFs and plain text pass")
  void ordinaryFilesPass() {
    assertThat(check.detect(MediaSamples.jpeg(), null)).isEqualTo("image/jpeg");
    assertThat(check.detect(MediaSamples.pdf(), "invoice.pdf")).isEqualTo("application/pdf");
    assertThat(check.detect(MediaSamples.text(), "order.txt")).isEqualTo("text/plain");
    for (String type : new String[] {"image/jpeg", "application/pdf", "text/plain", "audio/ogg"}) {
      assertThatCode(() -> check.refuseDangerous(type)).doesNotThrowAnyException();
    }
  }

  @Test
  @DisplayName("a file without a name gets kind, time and the detected type's extension")
  void fileNames() {
    MediaFileNames names = new MediaFileNames();
    Instant at = Instant.parse("2026-12-02T10:00:00Z");

    assertThat(names.of(null, "IMAGE", "image/jpeg", at)).isEqualTo("image-20261202-100000.jpg");
    assertThat(names.of(" ", "VOICE", "audio/ogg", at)).isEqualTo("voice-20261202-100000.oga");
    assertThat(names.of("../../etc/pass\u0000wd", "DOCUMENT", "text/plain", at))
        .isEqualTo("passwd");
    assertThat(names.of("C:\\Users\\k\\Rechnung \"März\".pdf", "DOCUMENT", "application/pdf", at))
        .isEqualTo("Rechnung März.pdf");
  }
}

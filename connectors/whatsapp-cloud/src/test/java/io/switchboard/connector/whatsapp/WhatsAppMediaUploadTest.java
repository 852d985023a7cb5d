package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Uploading files to WhatsApp's media endpoint, checked against WhatsApp's types and limits. */
class WhatsAppMediaUploadTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

  private GraphApiStub graph;
  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    factory = new WhatsAppCloudConnectorFactory();
    connector = StubAccount.connect(factory, graph, Map.of());
  }

  @AfterEach
  void stop() {
    connector.close();
    factory.close();
    graph.close();
  }

  @Test
  @DisplayName(
      "a PNG goes as multipart messaging_product, type and file; the returned id fetches it back")
  void uploadRoundTrip() throws Exception {
    String id =
        connector.uploadMedia(new Attachment("تصميم.png", "image/png", PNG.length, null, PNG));
    assertThat(id).matches("[0-9]+");
    MediaDouble.Upload upload = graph.media().uploads().get(0);
    assertThat(upload.fields())
        .containsEntry("messaging_product", "whatsapp")
        .containsEntry("type", "image/png");
    assertThat(upload.file()).isEqualTo(PNG);
    assertThat(upload.fileName()).isEqualTo("تصميم.png");
    assertThat(upload.fileType()).startsWith("image/png");
    GraphApiStub.Received post = graph.received("POST", "/v23\\.0/106540352242922/media").get(0);
    assertThat(post.headers().get("Content-type").get(0)).startsWith("multipart/form-data");
    assertThat(post.headers().get("Authorization")).containsExactly("Bearer " + GraphApiStub.TOKEN);
    assertThat(connector.fetchMedia(Media.byReference(MediaKind.IMAGE, id, null, null)).data())
        .isEqualTo(PNG);
  }

  @Test
  @DisplayName("a GIF is refused before any call, saying what WhatsApp takes")
  void unsupportedTypeIsRefused() {
    assertThatThrownBy(
            () -> connector.uploadMedia(new Attachment("a.gif", "image/gif", 3, null, new byte[3])))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED_CONTENT))
        .hasMessageContaining("WhatsApp sends images as JPEG or PNG up to 5 MB")
        .hasMessageContaining("this file is image/gif");
    assertThatThrownBy(
            () ->
                connector.uploadMedia(
                    new Attachment("a.zip", "application/zip", 3, null, new byte[3])))
        .hasMessageContaining("documents as PDF, Word, Excel, PowerPoint or plain text");
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("size limits per kind: image 5 MB, static sticker 100 KB, animated sticker 500 KB")
  void sizeLimitsAreChecked() throws Exception {
    assertThatThrownBy(
            () ->
                connector.uploadMedia(
                    new Attachment(
                        "big.jpg", "image/jpeg", -1, null, new byte[5 * 1024 * 1024 + 1])))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE))
        .hasMessageContaining("up to 5 MB")
        .hasMessageContaining("5.0 MB");
    byte[] staticWebp = webp(200 * 1024, false);
    assertThatThrownBy(
            () ->
                connector.uploadMedia(new Attachment("s.webp", "image/webp", -1, null, staticWebp)))
        .hasMessageContaining("stickers as WebP up to 100 KB");
    byte[] animated = webp(200 * 1024, true);
    assertThat(connector.uploadMedia(new Attachment("a.webp", "image/webp", -1, null, animated)))
        .matches("[0-9]+");
    assertThat(graph.media().uploads()).hasSize(1);
  }

  @Test
  @DisplayName(
      "Opus voice notes keep their codec parameter in the file part; type is the bare MIME type")
  void voiceNoteKeepsItsCodec() throws Exception {
    connector.uploadMedia(
        new Attachment(null, "audio/ogg; codecs=opus", 4, null, new byte[] {'O', 'g', 'g', 'S'}));
    MediaDouble.Upload upload = graph.media().uploads().get(0);
    assertThat(upload.fields()).containsEntry("type", "audio/ogg");
    assertThat(upload.fileType()).contains("codecs=opus");
  }

  @Test
  @DisplayName("a file without bytes is invalid; an upload outage is retryable")
  void failures() {
    assertThatThrownBy(
            () -> connector.uploadMedia(new Attachment("x.png", "image/png", 0, "r", null)))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT));
    graph.override("POST", "/v23\\.0/[0-9]+/media", 503, "");
    assertThatThrownBy(
            () -> connector.uploadMedia(new Attachment("x.png", "image/png", 10, null, PNG)))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("media upload");
  }

  /** A WebP of the given size with an extended (VP8X) header, animated or not. */
  private static byte[] webp(int size, boolean animated) {
    byte[] data = new byte[size];
    byte[] header = "RIFF\0\0\0\0WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, data, 0, header.length);
    data[20] = (byte) (animated ? 0x02 : 0x00);
    return data;
  }
}

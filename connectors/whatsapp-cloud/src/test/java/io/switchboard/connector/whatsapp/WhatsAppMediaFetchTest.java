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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Downloading customers' media through the media id, against the stub's media double. */
class WhatsAppMediaFetchTest {

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20, 0x30};

  private GraphApiStub graph;
  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    factory = new WhatsAppCloudConnectorFactory();
    connector = StubAccount.connect(factory, graph, Map.of("maxMediaBytes", "1000"));
  }

  @AfterEach
  void stop() {
    connector.close();
    factory.close();
    graph.close();
  }

  private static Media image(String id) {
    return new Media(MediaKind.IMAGE, id, null, "image/jpeg", "The lid", null, -1, null);
  }

  @Test
  @DisplayName(
      "resolves the id with the bearer token, downloads the URL with it, returns the bytes")
  void mediaIsDownloaded() throws Exception {
    graph.media().put("1013859600285441", "image/jpeg", JPEG);
    Attachment file =
        connector.fetchMedia(
            new Media(
                MediaKind.DOCUMENT,
                "1013859600285441",
                null,
                "application/pdf",
                null,
                "invoice.pdf",
                -1,
                null));
    assertThat(file.data()).isEqualTo(JPEG);
    assertThat(file.size()).isEqualTo(JPEG.length);
    assertThat(file.reference()).isEqualTo("1013859600285441");
    assertThat(file.fileName()).isEqualTo("invoice.pdf");
    assertThat(file.contentType())
        .as("WhatsApp's type wins over the claim")
        .isEqualTo("image/jpeg");
    GraphApiStub.Received resolve = graph.received("GET", "/v23.0/1013859600285441").get(0);
    assertThat(resolve.query()).isEqualTo("phone_number_id=106540352242922");
    assertThat(graph.received("GET", MediaDouble.DOWNLOAD_PATH + ".*"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.headers().get("Authorization"))
                    .containsExactly("Bearer " + GraphApiStub.TOKEN));
  }

  @Test
  @DisplayName("an expired download URL is resolved again once, and the fresh one is used")
  void expiredUrlIsResolvedAgain() throws Exception {
    graph.media().put("77", "image/jpeg", JPEG);
    graph.media().nextUrlsExpired(1);
    assertThat(connector.fetchMedia(image("77")).data()).isEqualTo(JPEG);
    assertThat(graph.received("GET", "/v23.0/77")).hasSize(2);
    assertThat(graph.received("GET", MediaDouble.DOWNLOAD_PATH + ".*")).hasSize(2);
  }

  @Test
  @DisplayName("a URL that is expired twice fails permanently as media expired, after one retry")
  void twiceExpiredIsNotFound() {
    graph.media().put("77", "image/jpeg", JPEG);
    graph.media().nextUrlsExpired(2);
    assertThatThrownBy(() -> connector.fetchMedia(image("77")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND))
        .hasMessageContaining("expired at WhatsApp");
    assertThat(graph.received("GET", "/v23.0/77")).hasSize(2);
  }

  @Test
  @DisplayName("an id WhatsApp no longer knows (code 100, subcode 33) is permanent NOT_FOUND")
  void unknownIdIsNotFound() {
    assertThatThrownBy(() -> connector.fetchMedia(image("404404")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
              assertThat(e.code()).contains("media-expired");
            })
        .hasMessageContaining("about 7 days")
        .hasMessageContaining("30 days");
    graph.override("GET", "/v23\\.0/55", 404, "");
    assertThatThrownBy(() -> connector.fetchMedia(image("55")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND));
  }

  @Test
  @DisplayName("bytes that do not match Meta's SHA-256 are a retryable media problem")
  void checksumMismatchIsRetryable() {
    graph.media().putWithWrongChecksum("78", "image/jpeg", JPEG);
    assertThatThrownBy(() -> connector.fetchMedia(image("78")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.MEDIA_PROBLEM))
        .hasMessageContaining("SHA-256");
  }

  @Test
  @DisplayName("a file over maxMediaBytes by Meta's stated size is refused before the download")
  void statedSizeOverLimitIsNotDownloaded() {
    graph.media().put("79", "video/mp4", new byte[1001]);
    assertThatThrownBy(() -> connector.fetchMedia(image("79")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE))
        .hasMessageContaining("1001 bytes")
        .hasMessageContaining("maxMediaBytes of 1000");
    assertThat(graph.received("GET", MediaDouble.DOWNLOAD_PATH + ".*")).isEmpty();
  }

  @Test
  @DisplayName(
      "without a stated size, a file over the limit is cut off while reading, not read whole")
  void unstatedSizeOverLimitStopsReading() {
    byte[] big = new byte[5_000_000];
    Arrays.fill(big, (byte) 7);
    graph.media().put("80", "video/mp4", big);
    graph.media().declareSize("null");
    assertThatThrownBy(() -> connector.fetchMedia(image("80")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE))
        .hasMessageContaining("stopped reading");
  }

  @Test
  @DisplayName("a reference that is not a WhatsApp media id fails permanently without a call")
  void foreignReferenceIsRefusedLocally() {
    assertThatThrownBy(() -> connector.fetchMedia(image("crm:42")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT));
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("an outage while resolving is retryable; an expired token is AUTH_FAILED")
  void resolveFailuresAreClassified() {
    graph.override("GET", "/v23\\.0/81", 503, "");
    assertThatThrownBy(() -> connector.fetchMedia(image("81")))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("media download");
    graph.override(
        "GET",
        "/v23\\.0/82",
        401,
        GraphApiStub.metaError(190, "OAuthException", "Session has expired", ""));
    assertThatThrownBy(() -> connector.fetchMedia(image("82")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED))
        .hasMessageContaining("access token has expired");
  }
}

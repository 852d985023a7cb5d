package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Media on the Graph side: upload, retrieve, download, expiry and faults")
class GraphMediaTest {
  static final byte[] JPEG = jpeg(2048);

  private final MutableClock clock = MutableClock.startingNow();
  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start(clock, "--media-url-ttl-ms=300000");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    return bytes;
  }

  private String upload() {
    SandboxHarness.Answer answer = harness.upload(JPEG, "photo.jpg", "image/jpeg");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("id");
  }

  @Test
  @DisplayName("an upload answers a media id; GET /{media-id} describes it with a download URL")
  void uploadThenRetrieve() throws Exception {
    String id = upload();

    SandboxHarness.Answer answer = harness.graphGet("/v23.0/" + id);

    assertThat(id).matches("[0-9]{16}");
    assertThat(answer.status()).isEqualTo(200);
    JsonObject media = answer.json();
    assertThat(media.getString("messaging_product")).isEqualTo("whatsapp");
    assertThat(media.getString("id")).isEqualTo(id);
    assertThat(media.getString("mime_type")).isEqualTo("image/jpeg");
    assertThat(media.getString("file_size")).isEqualTo(Integer.toString(JPEG.length));
    assertThat(media.getString("sha256"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JPEG)));
    assertThat(media.getString("url")).startsWith("http://").contains("mid=" + id);
  }

  @Test
  @DisplayName("the download URL serves the bytes with the bearer token, and refuses without it")
  void downloadNeedsTheToken() throws Exception {
    String url = harness.graphGet("/v23.0/" + upload()).json().getString("url");

    HttpResponse<byte[]> withToken = harness.download(url);
    SandboxHarness.Answer withoutToken =
        harness.get(url.substring(url.indexOf("/whatsapp_business")));

    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).isEqualTo(JPEG);
    assertThat(withToken.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(withoutToken.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a download URL expires after the TTL (404); GET /{media-id} gives a fresh one")
  void urlExpiresAndIsReResolved() {
    String id = upload();
    String first = harness.graphGet("/v23.0/" + id).json().getString("url");

    clock.advance(Duration.ofMillis(300_000));

    assertThat(harness.download(first).statusCode()).isEqualTo(404);
    String second = harness.graphGet("/v23.0/" + id).json().getString("url");
    assertThat(second).isNotEqualTo(first);
    assertThat(harness.download(second).statusCode()).isEqualTo(200);
    JsonObject media = harness.get("/sandbox/api/stats").json().getJsonObject("media");
    assertThat(media.getInt("urlResolutions")).isEqualTo(2);
    assertThat(media.getInt("downloads")).isEqualTo(1);
    assertThat(media.getInt("expiredUrlHits")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "faults: expireMediaUrlsNow kills handed-out URLs; mediaDownloadFailures answers 500")
  void mediaFaults() {
    String id = upload();
    String url = harness.graphGet("/v23.0/" + id).json().getString("url");

    harness.post("/sandbox/api/faults", "{\"expireMediaUrlsNow\":true}");
    assertThat(harness.download(url).statusCode()).isEqualTo(404);

    String fresh = harness.graphGet("/v23.0/" + id).json().getString("url");
    harness.post("/sandbox/api/faults", "{\"mediaDownloadFailures\":2}");
    assertThat(harness.download(fresh).statusCode()).isEqualTo(500);
    assertThat(harness.download(fresh).statusCode()).isEqualTo(500);
    assertThat(harness.download(fresh).statusCode()).isEqualTo(200);
    assertThat(
            harness
                .get("/sandbox/api/stats")
                .json()
                .getJsonObject("media")
                .getInt("downloadFaults"))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("an unknown media id is Meta's error 100 subcode 33; DELETE removes media")
  void unknownAndDeletedMedia() {
    String id = upload();

    SandboxHarness.Answer deleted = harness.graphDelete("/v23.0/" + id);
    SandboxHarness.Answer afterwards = harness.graphGet("/v23.0/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().getBoolean("success")).isTrue();
    assertThat(afterwards.status()).isEqualTo(400);
    JsonObject error = afterwards.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(100);
    assertThat(error.getInt("error_subcode")).isEqualTo(33);
    assertThat(
            harness
                .graphGet("/v23.0/1234567890123456")
                .json()
                .getJsonObject("error")
                .getInt("error_subcode"))
        .isEqualTo(33);
  }

  @Test
  @DisplayName("uploads over Meta's size limit get 131053; a type WhatsApp does not take gets 100")
  void limitsByType() {
    SandboxHarness.Answer tooBig = harness.upload(jpeg((5 << 20) + 1), "big.jpg", "image/jpeg");
    SandboxHarness.Answer staticSticker =
        harness.upload(new byte[(100 << 10) + 1], "s.webp", "image/webp");
    SandboxHarness.Answer gif = harness.upload(new byte[10], "a.gif", "image/gif");
    SandboxHarness.Answer pdf = harness.upload(new byte[3 << 20], "doc.pdf", "application/pdf");

    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().getJsonObject("error").getInt("code")).isEqualTo(131053);
    assertThat(tooBig.json().getJsonObject("error").getString("message"))
        .isEqualTo("(#131053) Media upload error");
    assertThat(staticSticker.json().getJsonObject("error").getInt("code")).isEqualTo(131053);
    assertThat(gif.json().getJsonObject("error").getInt("code")).isEqualTo(100);
    assertThat(gif.json().getJsonObject("error").getJsonObject("error_data").getString("details"))
        .contains("image/gif");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(harness.get("/sandbox/api/stats").json().getJsonObject("media").getInt("uploads"))
        .isEqualTo(1);
  }
}

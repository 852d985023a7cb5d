package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sandbox.whatsapp.SandboxConfig;
import io.switchboard.sandbox.whatsapp.SandboxServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Media both ways, end to end, with the WhatsApp sandbox playing Meta (phone, signed webhooks,
 * Graph API with media upload, expiring download URLs and templates) and the real Request Tracker:
 * a customer's photo and voice note arrive in RT as real attachments, byte for byte, also when the
 * download fails at first or its URL has expired; the file is served to agents by a signed link.
 * Payara Micro on PostgreSQL. The steps build on each other, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("WhatsApp media both ways with the sandbox and Request Tracker, end to end")
class WhatsAppMediaIT {
  static final String HOST = "http://127.0.0.1:18080";
  static final String BASE = HOST + "/switchboard";
  static final String RT_WEBHOOK_SECRET = "media-rt-webhook-secret";
  static final String APP_SECRET = "media-app-secret";
  static final String TOKEN = "media-access-token";
  static final String PHONE_NUMBER_ID = "106540352242955";
  static final String WABA_ID = "419561257915455";
  static final String CHANNEL = "wa-media";
  static final String CRM = "rt-media";
  static final Duration WITHIN = Duration.ofSeconds(90);

  static SandboxServer sandbox;
  static RequestTrackerFixture rt;
  static SwitchboardClient bridge;
  static final HttpClient http = HttpClient.newHttpClient();

  static final String phone =
      "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  static String conversationId;
  static String ticketId;
  static byte[] photo;

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @BeforeAll
  static void wire() throws IOException {
    sandbox =
        SandboxServer.start(
            SandboxConfig.builder()
                .port(0)
                .webhookUrl(URI.create(BASE + "/api/channels/" + CHANNEL + "/webhook"))
                .appSecret(APP_SECRET)
                .accessToken(TOKEN)
                .flag("phone-number-id", PHONE_NUMBER_ID)
                .flag("waba-id", WABA_ID)
                .flag("status-delay-ms", "100")
                .build(),
            Clock.systemUTC());
    rt = RequestTrackerFixture.start(BASE + "/api/crm/" + CRM + "/webhook", RT_WEBHOOK_SECRET);
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
    bridge.putRequestTracker(CRM, rt.token(), RT_WEBHOOK_SECRET);
    SwitchboardClient.Answer channel = putChannel();
    assertThat(channel.status()).as(channel.body()).isIn(200, 201);
    photo = png();
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("a customer's photo reaches the RT ticket as a real attachment, byte for byte")
  void photoBecomesAnRtAttachment() {
    JsonObject sent =
        customerSends(
            Json.createObjectBuilder()
                .add("type", "image")
                .add(
                    "media",
                    Json.createObjectBuilder()
                        .add("base64", Base64.getEncoder().encodeToString(photo))
                        .add("mimeType", "image/jpeg") // the phone claims JPEG; it is a PNG
                        .add("filename", "lid.png")
                        .add("caption", "The lid is broken")));
    assertThat(sent.getBoolean("accepted")).as(sent.toString()).isTrue();
    JsonObject conversation =
        await()
            .atMost(WITHIN)
            .until(this::conversation, c -> c.isPresent() && !c.get().isNull("crmTicketId"))
            .orElseThrow();
    conversationId = conversation.getString("id");
    ticketId = conversation.getString("crmTicketId");

    RequestTrackerFixture.File file =
        await()
            .atMost(WITHIN)
            .until(() -> rt.files(ticketId, "Correspond").stream().findFirst(), Optional::isPresent)
            .orElseThrow();
    assertThat(file.bytes()).isEqualTo(photo);
    assertThat(file.contentType()).startsWith("image/png");
    assertThat(rt.contents(ticketId, "Correspond").stream().map(String::trim))
        .anySatisfy(t -> assertThat(t).contains("The lid is broken"));
  }

  @Test
  @Order(2)
  @DisplayName("the stored file says what it really is and is served to agents by a signed link")
  void storedAndServedBySignedLink() throws Exception {
    JsonObject media = mediaOf(firstInbound("image")).get(0);
    assertThat(media.getString("status")).isEqualTo("stored");
    assertThat(media.getString("claimedType")).isEqualTo("image/jpeg");
    assertThat(media.getString("detectedType")).isEqualTo("image/png");
    URI link = local(media.getString("link"));

    HttpResponse<byte[]> served =
        http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(photo);
    assertThat(served.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    URI tampered = URI.create(link.toString().replaceAll("sig=[^&]+", "sig=AAAA"));
    assertThat(
            http.send(
                    HttpRequest.newBuilder(tampered).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  @Order(3)
  @DisplayName("a voice note arrives although the download failed twice and its URL expired")
  void voiceNoteSurvivesFailuresAndExpiredUrls() {
    sandboxPost("faults", "{\"mediaDownloadFailures\":2}");
    byte[] voice = oggOpus();
    customerSends(
        Json.createObjectBuilder()
            .add("type", "audio")
            .add(
                "media",
                Json.createObjectBuilder()
                    .add("base64", Base64.getEncoder().encodeToString(voice))
                    .add("mimeType", "audio/ogg; codecs=opus")
                    .add("voice", true)));
    sandboxPost("faults", "{\"expireMediaUrlsNow\":true}");

    await()
        .atMost(WITHIN)
        .until(
            () ->
                rt.files(ticketId, "Correspond").stream()
                    .anyMatch(f -> java.util.Arrays.equals(f.bytes(), voice)));
    JsonObject media = mediaOf(firstInbound("audio")).get(0);
    assertThat(media.getString("status")).isEqualTo("stored");
    assertThat(media.getInt("attempts")).isGreaterThanOrEqualTo(2);
    JsonObject stats = sandboxGet("stats").getJsonObject("media");
    assertThat(stats.getInt("downloadFaults")).isEqualTo(2);
  }

  @Test
  @Order(4)
  @DisplayName(
      "an agent's reply with a file in RT reaches the phone as an uploaded image, text first")
  void agentFileReachesThePhone() throws IOException {
    byte[] replacement = png();
    rt.agentWritesWithFile(
        ticketId, "Here is the replacement lid", "replacement.png", "image/png", replacement);

    List<JsonObject> business =
        await()
            .atMost(WITHIN)
            .until(
                () -> phoneMessages(phone, "business"),
                m -> m.stream().anyMatch(x -> x.getString("type").equals("image")));
    assertThat(business).extracting(m -> m.getString("type")).containsSubsequence("text", "image");
    assertThat(business.stream().filter(m -> m.getString("type").equals("text")))
        .anySatisfy(m -> assertThat(m.getString("text")).contains("Here is the replacement lid"));
    JsonObject image =
        business.stream()
            .filter(m -> m.getString("type").equals("image"))
            .findFirst()
            .orElseThrow();
    String mediaId = image.getJsonObject("content").getString("id");
    assertThat(sandboxBytes("media/" + mediaId)).isEqualTo(replacement);
    assertThat(sandboxGet("stats").getJsonObject("media").getInt("uploads")).isEqualTo(1);
    // The agent answered: the customer sees their latest message read (blue ticks).
    await()
        .atMost(WITHIN)
        .until(
            () -> {
              List<JsonObject> mine = phoneMessages(phone, "customer");
              return mine.get(mine.size() - 1).getString("status").equals("read");
            });
  }

  @Test
  @Order(5)
  @DisplayName("the number's templates are synced from the business account")
  void templatesAreSynced() {
    SwitchboardClient.Answer sync = bridge.post("channels/" + CHANNEL + "/templates/sync");
    assertThat(sync.status()).as(sync.body()).isIn(200, 202);
    List<JsonObject> approved =
        await()
            .atMost(WITHIN)
            .until(
                () -> templates("?status=APPROVED"),
                t -> t.stream().anyMatch(x -> x.getString("name").equals("order_update")));
    assertThat(approved)
        .extracting(t -> t.getString("name") + "/" + t.getString("language"))
        .contains("order_update/en_US", "order_update/ar", "welcome_back/en_US")
        .doesNotContain("spring_sale/en_US");
  }

  @Test
  @Order(6)
  @DisplayName("after the 24-hour window a reply is refused with the templates; /template goes out")
  void closedWindowOffersTemplates() {
    String late = "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
    long dayAndAHourAgo = java.time.Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
    SwitchboardClient.Answer old =
        bridge.whatsAppWebhook(
            CHANNEL,
            APP_SECRET,
            io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder.textMessage(
                PHONE_NUMBER_ID,
                late,
                "Sam Late",
                io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder.uniqueWamid(),
                "Is my order coming?",
                dayAndAHourAgo));
    assertThat(old.status()).isEqualTo(200);
    sandboxPost("customers/" + late + "/last-message-at", "{\"hoursAgo\":25}");
    String lateTicket =
        await()
            .atMost(WITHIN)
            .until(() -> conversationOf(late), c -> c.isPresent() && !c.get().isNull("crmTicketId"))
            .orElseThrow()
            .getString("crmTicketId");

    rt.agentWrites(lateTicket, "correspond", "Yes, it ships tomorrow.");
    String note =
        await()
            .atMost(WITHIN)
            .until(
                () ->
                    rt.contents(lateTicket, "Comment").stream()
                        .filter(t -> t.contains("24-hour window closed"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(note)
        .contains("only an approved template can")
        .contains("order_update (en_US)")
        .contains("/template");
    assertThat(phoneMessages(late, "business")).isEmpty();

    rt.agentWrites(lateTicket, "correspond", "/template order_update en_US Sam | 4567");
    JsonObject template =
        await()
            .atMost(WITHIN)
            .until(() -> phoneMessages(late, "business").stream().findFirst(), Optional::isPresent)
            .orElseThrow();
    assertThat(template.getString("type")).isEqualTo("template");
    assertThat(template.getString("text")).contains("Hi Sam, your order 4567 is on its way.");
    await()
        .atMost(WITHIN)
        .until(
            () ->
                rt.contents(lateTicket, "Comment").stream()
                    .anyMatch(t -> t.contains("order_update") && t.contains("sent by")));
  }

  @Test
  @Order(7)
  @DisplayName("a revoked token pauses the number (health DOWN); a new token sends what waited")
  void revokedTokenPausesAndResumes() {
    sandboxPost("faults", "{\"revokeToken\":true}");
    rt.agentWrites(ticketId, "correspond", "Are you still there?");
    JsonObject down =
        await()
            .atMost(WITHIN)
            .until(
                () -> bridge.get("channels/" + CHANNEL).json().getJsonObject("health"),
                h -> "DOWN".equals(h.getString("status")));
    assertThat(down.toString()).contains("190");
    assertThat(phoneMessages(phone, "business"))
        .noneSatisfy(m -> assertThat(m.getString("text")).contains("Are you still there?"));

    sandboxPost("faults", "{\"revokeToken\":false}");
    assertThat(putChannel().status()).isEqualTo(200); // the admin enters the renewed token
    await()
        .atMost(WITHIN)
        .until(
            () ->
                phoneMessages(phone, "business").stream()
                    .anyMatch(m -> m.getString("text").contains("Are you still there?")));
    assertThat(
            messages().stream()
                .filter(m -> "Are you still there?".equals(m.getString("body", null)))
                .map(m -> m.getString("status")))
        .singleElement()
        .isNotEqualTo("FAILED");
  }

  @Test
  @Order(8)
  @DisplayName("the API sends a location and a reaction; the phone shows them")
  void apiSendsLocationAndReaction() {
    String theirs = firstInbound("image");
    String photoWamid =
        messages().stream()
            .filter(m -> m.getString("id").equals(theirs))
            .findFirst()
            .orElseThrow()
            .getString("externalId");
    SwitchboardClient.Answer location =
        bridge.call(
            "POST",
            "conversations/" + conversationId + "/messages",
            "{\"actor\":\"amal\",\"type\":\"location\",\"latitude\":\"25.2048493\","
                + "\"longitude\":\"55.2707828\",\"name\":\"Our shop\"}",
            "application/json",
            "Idempotency-Key",
            "it-location-1");
    assertThat(location.status()).as(location.body()).isEqualTo(202);
    SwitchboardClient.Answer reaction =
        bridge.postJson(
            "conversations/" + conversationId + "/messages",
            "{\"actor\":\"amal\",\"type\":\"reaction\",\"target\":\""
                + photoWamid
                + "\",\"emoji\":\"\uD83D\uDC4D\"}");
    assertThat(reaction.status()).as(reaction.body()).isEqualTo(202);

    await()
        .atMost(WITHIN)
        .until(
            () ->
                phoneMessages(phone, "business").stream()
                        .anyMatch(m -> m.getString("type").equals("location"))
                    && phoneMessages(phone, "customer").stream()
                        .anyMatch(
                            m ->
                                m.getString("wamid").equals(photoWamid)
                                    && m.getJsonObject("reactions")
                                        .toString()
                                        .contains("\uD83D\uDC4D")));
    assertThat(
            bridge
                .postJson(
                    "conversations/" + conversationId + "/messages",
                    "{\"type\":\"location\",\"latitude\":\"95\",\"longitude\":\"0\"}")
                .status())
        .isEqualTo(400);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Creates or replaces the channel (a PUT with the token: what an admin does to renew it). */
  private static SwitchboardClient.Answer putChannel() {
    return bridge.put(
        "channels/" + CHANNEL,
        Json.createObjectBuilder()
            .add("plugin", "whatsapp-cloud")
            .add("crmConnection", CRM)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("phoneNumberId", PHONE_NUMBER_ID)
                    .add("whatsAppBusinessAccountId", WABA_ID)
                    .add("accessToken", TOKEN)
                    .add("appSecret", APP_SECRET)
                    .add("verifyToken", "media-verify")
                    .add("graphApiBaseUrl", sandbox.graphApiBaseUrl().toString()))
            .build()
            .toString());
  }

  private static JsonObject customerSends(jakarta.json.JsonObjectBuilder message) {
    return sandboxPost(
        "customer-messages",
        message.add("from", "+" + phone).add("name", "Kerry Fisher").build().toString());
  }

  private static JsonObject sandboxPost(String path, String json) {
    return sandboxCall(
        HttpRequest.newBuilder(sandboxUri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static JsonObject sandboxGet(String path) {
    return sandboxCall(HttpRequest.newBuilder(sandboxUri(path)).GET());
  }

  private static URI sandboxUri(String path) {
    return URI.create("http://127.0.0.1:" + sandbox.port() + "/sandbox/api/" + path);
  }

  private static JsonObject sandboxCall(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return Json.createReader(new StringReader(r.body())).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Optional<JsonObject> conversationOf(String channelUserId) {
    return bridge.get("conversations").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId").equals(channelUserId))
        .findFirst();
  }

  private List<JsonObject> templates(String query) {
    return bridge
        .get("channels/" + CHANNEL + "/templates" + query)
        .json()
        .getJsonArray("templates")
        .stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toList());
  }

  /** What the sandbox phone shows in a customer's chat, from one side. */
  private static List<JsonObject> phoneMessages(String customerPhone, String direction) {
    JsonObject chat = sandboxGet("conversation?phone=" + customerPhone);
    if (!(chat.get("messages") instanceof jakarta.json.JsonArray messages)) {
      return List.of(); // the phone has no chat with this customer yet
    }
    return messages.stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getString("direction").equals(direction))
        .collect(Collectors.toList());
  }

  private static byte[] sandboxBytes(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(sandboxUri(path)).build(),
              HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Optional<JsonObject> conversation() {
    return bridge.get("conversations").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId").equals(phone))
        .findFirst();
  }

  private List<JsonObject> messages() {
    return bridge.get("conversations/" + conversationId + "/messages").array().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toList());
  }

  private String firstInbound(String type) {
    return messages().stream()
        .filter(m -> m.getString("direction").equals("IN") && m.getString("type").equals(type))
        .map(m -> m.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  private List<JsonObject> mediaOf(String messageId) {
    return bridge.get("messages/" + messageId + "/media").array().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toList());
  }

  /** The engine's links name its public URL; the test reaches the same path on its own port. */
  private static URI local(String link) {
    URI u = URI.create(link);
    return URI.create(HOST + u.getRawPath() + "?" + u.getRawQuery());
  }

  /** A real PNG picture (64 x 48), different on every run. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(new SecureRandom().nextInt(0xFFFFFF)));
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.WHITE);
    g.drawString("lid", 20, 28);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The first Ogg page of an Opus voice note (OpusHead), then silence. */
  private static byte[] oggOpus() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("OggS".getBytes(StandardCharsets.US_ASCII));
    b.write(0);
    b.write(2);
    b.writeBytes(new byte[8]);
    b.writeBytes(new byte[] {1, 2, 3, 4});
    b.writeBytes(new byte[8]);
    b.write(1);
    b.write(19);
    b.writeBytes("OpusHead".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {1, 1, 0x38, 0x01, (byte) 0x80, (byte) 0xbb, 0, 0, 0, 0, 0});
    byte[] noise = new byte[2048];
    new SecureRandom().nextBytes(noise);
    b.writeBytes(noise);
    return b.toByteArray();
  }
}

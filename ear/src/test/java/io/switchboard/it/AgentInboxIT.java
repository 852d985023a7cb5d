package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sandbox.whatsapp.SandboxConfig;
import io.switchboard.sandbox.whatsapp.SandboxServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The shared inbox view inside the real Request Tracker, in a real browser (Debian's headless
 * Chromium): agent1 logs into RT, opens the ticket of a WhatsApp conversation and finds the view in
 * it with the customer's profile and order history; replies from the view (the sandbox phone gets
 * it once, RT shows it as agent1's reply, the ticks turn to read live); takes and reassigns the
 * conversation and RT's owner follows; sees another agent's presence; sends a template after the
 * window closed; reads an Arabic conversation right to left; and finds hostile names inert. The
 * WhatsApp sandbox plays Meta. The steps build on each other, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The shared inbox view inside Request Tracker, in headless Chromium")
class AgentInboxIT {
  static final String HOST = "http://127.0.0.1:18080";
  static final String BASE = HOST + "/switchboard";
  static final String CRM = "rt-inbox";
  static final String CHANNEL = "wa-inbox";
  static final String RT_WEBHOOK_SECRET = "inbox-rt-webhook-secret";
  static final String VIEW_SECRET = "inbox-view-secret-0123456789abcdef0123456789";
  static final String APP_SECRET = "inbox-app-secret";
  static final String TOKEN = "inbox-access-token";
  static final String PHONE_NUMBER_ID = "106540352243311";
  static final String WABA_ID = "419561257915466";
  static final Duration WITHIN = Duration.ofSeconds(60);

  static final String phone = randomPhone();
  static final String arabicPhone = randomPhone();
  static final String latePhone = randomPhone();
  static final String hostilePhone = randomPhone();
  static final String HOSTILE_NAME =
      "<img src=x onerror=alert(1)><script>alert(2)</script>\u202Egnp.exe";

  static SandboxServer sandbox;
  static SandboxClient phoneApp;
  static RequestTrackerFixture rt;
  static SwitchboardClient bridge;
  static HeadlessChromium browser;
  static String conversationId;
  static String ticketId;

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
                .flag("read-receipts", "page")
                .build(),
            Clock.systemUTC());
    phoneApp = new SandboxClient(sandbox);
    rt =
        RequestTrackerFixture.start(
            BASE + "/api/crm/" + CRM + "/webhook", RT_WEBHOOK_SECRET, BASE, VIEW_SECRET, CRM);
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
    bridge.putRequestTracker(
        CRM,
        rt.token(),
        RT_WEBHOOK_SECRET,
        Json.createObjectBuilder().add("agentViewSecret", VIEW_SECRET).build());
    SwitchboardClient.Answer channel =
        bridge.put(
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
                        .add("verifyToken", "inbox-verify")
                        .add("graphApiBaseUrl", sandbox.graphApiBaseUrl().toString()))
                .build()
                .toString());
    assertThat(channel.status()).as(channel.body()).isIn(200, 201);

    phoneApp.customerSends(
        phone, "Kerry Fisher", Json.createObjectBuilder().add("text", "Where is my blue mug?"));
    phoneApp.customerSends(
        phone,
        "Kerry Fisher",
        Json.createObjectBuilder()
            .add("type", "order")
            .add(
                "order",
                Json.createObjectBuilder()
                    .add("text", "Gift wrap please")
                    .add(
                        "items",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("productRetailerId", "mug-blue")
                                    .add("quantity", 2)
                                    .add("itemPrice", new java.math.BigDecimal("12.50"))
                                    .add("currency", "AED")))));
    JsonObject conversation = mirrored(phone);
    conversationId = conversation.getString("id");
    ticketId = conversation.getString("crmTicketId");
    String customerId = conversation.getString("customerId");
    eventually()
        .until(() -> bridge.get("customers/" + customerId + "/orders").body().contains("mug-blue"));
    browser = HeadlessChromium.start(1400, 900, "en-US");
    loginToRt("agent1", "agent1-pass");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("the RT ticket page shows the conversation with the customer's profile and orders")
  void ticketPageShowsTheView() {
    openTicketView(ticketId);
    WebElement timeline = waitFor("#messages li.message[data-direction='IN']");
    assertThat(timeline.getText()).contains("Where is my blue mug?");
    eventually().until(() -> !all("#customer-orders-list details.order").isEmpty());
    assertThat(text("#customer-orders")).contains("25.00");
    assertThat(text("#customer-name")).isEqualTo("Kerry Fisher");
    assertThat(text("table.order-table .order-total")).contains("25.00");
    shoot("inbox-ticket-view");
  }

  @Test
  @Order(2)
  @DisplayName(
      "a reply from the view reaches the phone once, is agent1's reply in RT, and its ticks turn"
          + " to read live")
  void replyFromTheView() {
    String reply = "Your mug ships tomorrow, Kerry.";
    WebElement box = waitFor("#composer-text");
    box.sendKeys(reply);
    browser.driver().findElement(By.id("send-button")).click();

    JsonObject received =
        eventually()
            .until(
                () ->
                    phoneApp.businessMessages(phone).stream()
                        .filter(m -> m.getString("text", "").contains(reply))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(received.getString("type")).isEqualTo("text");
    eventually().until(() -> correspondenceBy("agent1", reply).size() == 1);
    String mine = "#messages li.message[data-direction='OUT']:not(.local)";
    eventually()
        .until(
            () -> lastOf(mine).map(m -> m.getAttribute("data-status")).orElse(""),
            "DELIVERED"::equals);

    phoneApp.post("read-receipts", "{\"phone\":\"" + phone + "\"}");
    eventually()
        .until(
            () -> lastOf(mine).map(m -> m.getAttribute("data-status")).orElse(""), "READ"::equals);
    // a few seconds later: still exactly one copy on the phone and one reply in RT
    await().pollDelay(Duration.ofSeconds(3)).atMost(WITHIN).until(() -> true);
    assertThat(
            phoneApp.businessMessages(phone).stream()
                .filter(m -> m.getString("text", "").contains(reply)))
        .hasSize(1);
    assertThat(correspondenceBy("agent1", reply)).hasSize(1);
    shoot("inbox-conversation-read");
  }

  @Test
  @Order(3)
  @DisplayName(
      "a customer's photo shows as a preview; a photo the agent attaches in the view reaches the"
          + " phone")
  void photosBothWays() throws IOException {
    byte[] photo = png(java.awt.Color.ORANGE);
    phoneApp.customerSends(
        phone,
        "Kerry Fisher",
        Json.createObjectBuilder()
            .add("type", "image")
            .add(
                "media",
                Json.createObjectBuilder()
                    .add("base64", java.util.Base64.getEncoder().encodeToString(photo))
                    .add("mimeType", "image/png")
                    .add("caption", "The lid is cracked")));
    // the timeline re-renders messages as they change (the file arrives after its message)
    eventually()
        .until(
            () ->
                ((Number)
                        browser
                            .driver()
                            .executeScript(
                                "const i = document.querySelector('#messages li.message img.image');"
                                    + " return i && i.complete ? i.naturalWidth : 0"))
                    .intValue(),
            w -> w == 40);

    java.nio.file.Path file = java.nio.file.Files.createTempFile("replacement-lid-", ".png");
    java.nio.file.Files.write(file, png(java.awt.Color.BLUE));
    browser.driver().findElement(By.id("attach-input")).sendKeys(file.toAbsolutePath().toString());
    waitFor("#attachments li.attachment[data-state='ready']");
    waitFor("#composer-text").sendKeys("A new lid is on its way");
    browser.driver().findElement(By.id("send-button")).click();
    JsonObject sent =
        eventually()
            .until(
                () ->
                    phoneApp.businessMessages(phone).stream()
                        .filter(m -> "image".equals(m.getString("type", "")))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(sent.toString()).doesNotContain("onerror");
  }

  @Test
  @Order(4)
  @DisplayName(
      "a reply WhatsApp could not deliver shows its reason in plain words; Retry sends it again")
  void failedReplyExplainsItselfAndRetries() {
    phoneApp.post("faults", "{\"failNextDeliveries\":[131026]}");
    String text = "Could you confirm your address?";
    waitFor("#composer-text").sendKeys(text);
    browser.driver().findElement(By.id("send-button")).click();
    String failedId =
        eventually()
            .until(
                () ->
                    all("#messages li.message[data-status='FAILED']").stream()
                        .filter(m -> m.getText().contains(text))
                        .map(m -> m.getAttribute("data-message-id"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    String failed = "#messages li.message[data-message-id='" + failedId + "']";
    assertThat(text(failed + " .failure p.explanation")).isNotBlank();
    shoot("inbox-failed-reply");
    eventually()
        .until(
            () -> {
              waitFor(failed + " button.retry-button").click();
              return true;
            });
    eventually()
        .until(
            () ->
                all("#messages li.message[data-direction='OUT']").stream()
                    .anyMatch(
                        m ->
                            m.getText().contains(text)
                                && List.of("DELIVERED", "READ")
                                    .contains(m.getAttribute("data-status"))));
    assertThat(
            phoneApp.businessMessages(phone).stream()
                .filter(m -> m.getString("text", "").contains(text))
                .map(m -> m.getString("status")))
        .containsExactlyInAnyOrder("failed", "delivered"); // the undelivered one, then again
  }

  @Test
  @Order(5)
  @DisplayName("a quick reply is picked with / and the keyboard")
  void quickReply() {
    SwitchboardClient.Answer put =
        bridge.put(
            "quick-replies",
            "{\"items\":[{\"shortcut\":\"ship\",\"title\":\"Shipping times\","
                + "\"text\":\"Orders ship within 2 working days.\"}]}");
    assertThat(put.status()).as(put.body()).isIn(200, 204);
    openTicketView(ticketId); // the view reads the quick replies when it opens
    WebElement box = waitFor("#composer-text");
    box.sendKeys("/shi");
    waitFor("#quick-replies li.quick-reply[data-shortcut='ship']");
    box.sendKeys(org.openqa.selenium.Keys.ENTER);
    eventually()
        .until(
            () -> box.getAttribute("value"), v -> v.contains("Orders ship within 2 working days."));
    box.sendKeys(org.openqa.selenium.Keys.ENTER);
    eventually()
        .until(
            () ->
                phoneApp.businessMessages(phone).stream()
                    .anyMatch(m -> m.getString("text", "").contains("within 2 working days")));
  }

  @Test
  @Order(12)
  @DisplayName("an internal note from the view is an RT comment and never reaches the phone")
  void internalNote() {
    String note = "Customer sounded upset: offer free shipping";
    openTicketView(ticketId);
    WebElement noteMode = waitFor("#note-mode");
    noteMode.click();
    waitFor("#composer-text").sendKeys(note);
    browser.driver().findElement(By.id("send-button")).click();
    eventually()
        .until(
            () ->
                all("#messages li.message[data-note='true']").stream()
                    .anyMatch(m -> m.getText().contains(note)));
    eventually()
        .until(() -> rt.contents(ticketId, "Comment").stream().anyMatch(t -> t.contains(note)));
    assertThat(phoneApp.businessMessages(phone))
        .noneSatisfy(m -> assertThat(m.getString("text", "")).contains("free shipping"));
    waitFor("#note-mode").click(); // back to replies
  }

  @Test
  @Order(6)
  @DisplayName("a reply written in RT appears in the view without a reload")
  void replyFromRtAppearsLive() {
    rt.agentWrites(ticketId, "correspond", "Also: the lid is included.");
    eventually()
        .until(
            () ->
                all("#messages li.message[data-direction='OUT']").stream()
                    .anyMatch(m -> m.getText().contains("the lid is included")));
  }

  @Test
  @Order(7)
  @DisplayName("take and reassign in the view: RT's owner follows at once")
  void takeAndReassign() {
    waitFor("#assign-take").click();
    eventually().until(() -> owner(ticketId), "agent1"::equals);
    new Select(waitFor("#assign-agent")).selectByValue("agent2");
    browser.driver().findElement(By.id("assign-to")).click();
    eventually().until(() -> owner(ticketId), "agent2"::equals);
    eventually().until(() -> waitFor("#assignee").getAttribute("data-assignee"), "agent2"::equals);
  }

  @Test
  @Order(8)
  @DisplayName("another agent in the same conversation is announced, typing included")
  void anotherAgentIsAnnounced() {
    String session = AgentTokens.session(bridge, CRM, VIEW_SECRET, "agent2", List.of("Support"));
    SwitchboardClient.Answer typing =
        bridge.postAs(
            "/api/agent/conversations/" + conversationId + "/presence",
            java.util.Map.of(
                "Authorization", "Bearer " + session, "Content-Type", "application/json"),
            "{\"typing\":true}");
    assertThat(typing.status()).as(typing.body()).isEqualTo(204);
    eventually().until(() -> !all("#viewers bdi.viewer[data-login='agent2']").isEmpty());
    assertThat(waitFor("#viewers").getAttribute("data-typing")).isEqualTo("true");
  }

  @Test
  @Order(9)
  @DisplayName("after the window closed the composer offers templates, checks them, and sends")
  void closedWindowTemplate() {
    long dayAndAHourAgo = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
    SwitchboardClient.Answer old =
        bridge.whatsAppWebhook(
            CHANNEL,
            APP_SECRET,
            io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder.textMessage(
                PHONE_NUMBER_ID,
                latePhone,
                "Sam Late",
                io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder.uniqueWamid(),
                "Is my order coming?",
                dayAndAHourAgo));
    assertThat(old.status()).isEqualTo(200);
    phoneApp.post("customers/" + latePhone + "/last-message-at", "{\"hoursAgo\":25}");
    String lateTicket = mirrored(latePhone).getString("crmTicketId");

    openTicketView(lateTicket);
    eventually().until(() -> waitFor("#composer").getAttribute("data-window"), "closed"::equals);
    assertThat(text("#window-notice")).containsIgnoringCase("template");
    Select templates = new Select(waitFor("#template-select"));
    WebElement orderUpdate =
        templates.getOptions().stream()
            .filter(
                o ->
                    "order_update".equals(o.getAttribute("data-name"))
                        && "en_US".equals(o.getAttribute("data-language")))
            .findFirst()
            .orElseThrow();
    templates.selectByValue(orderUpdate.getAttribute("value"));
    List<WebElement> inputs = all("#template-form input.template-param-input[data-part='body']");
    assertThat(inputs).hasSize(2);

    waitFor("#template-send").click(); // nothing filled in: refused before it is sent
    eventually().until(() -> !text("#" + inputs.get(0).getAttribute("id") + "-problem").isBlank());
    assertThat(phoneApp.businessMessages(latePhone)).isEmpty();

    inputs.get(0).sendKeys("Sam");
    inputs.get(1).sendKeys("4567");
    shoot("inbox-template-form");
    waitFor("#template-send").click();
    JsonObject template =
        eventually()
            .until(
                () -> phoneApp.businessMessages(latePhone).stream().findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(template.getString("type")).isEqualTo("template");
    assertThat(template.getString("text")).contains("Hi Sam, your order 4567 is on its way.");
  }

  @Test
  @Order(10)
  @DisplayName("an Arabic conversation reads right to left, also in the Arabic UI")
  void arabicRightToLeft() {
    String arabic = "مرحبا، أين طلبي رقم 4567؟ شكراً";
    phoneApp.customerSends(
        arabicPhone, "أمل الهاشمي", Json.createObjectBuilder().add("text", arabic));
    String arabicTicket = mirrored(arabicPhone).getString("crmTicketId");

    openTicketView(arabicTicket);
    WebElement bubble =
        eventually()
            .until(
                () ->
                    all("#messages li.message[data-direction='IN'] .content p.text").stream()
                        .filter(c -> c.getText().contains("4567"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(bubble.getText()).contains(arabic);
    assertThat(bubble.getCssValue("direction")).isEqualTo("rtl");

    browser.driver().switchTo().defaultContent();
    String frame = frameSource().replace("embed=ticket", "embed=ticket&lang=ar");
    browser.driver().get(frame); // RT's token of a moment ago is still valid
    waitFor("body[data-ready='true']");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir"))
        .isEqualTo("rtl");
    browser.viewport("inbox-arabic");
  }

  @Test
  @Order(11)
  @DisplayName("hostile names and texts stay inert text in the full inbox")
  void hostileContentIsInert() {
    String hostileText = "<script>alert(3)</script>" + "W".repeat(4_000) + " \u202Eevil";
    phoneApp.customerSends(
        hostilePhone, HOSTILE_NAME, Json.createObjectBuilder().add("text", hostileText));
    mirrored(hostilePhone);

    openFullInbox();
    WebElement item =
        eventually()
            .until(
                () ->
                    all("#inbox-items li.inbox-item .customer-name").stream()
                        .filter(n -> n.getText().contains("alert(2)"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(item.getText()).contains("<script>alert(2)</script>");
    item.click();
    eventually()
        .until(
            () ->
                all("#messages li.message .content").stream()
                    .anyMatch(c -> c.getText().contains("<script>alert(3)</script>")));
    assertThat(all("img[src='x']")).isEmpty();
    assertThatNoAlert();
    Number overflow =
        (Number)
            browser
                .driver()
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth");
    assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    shoot("inbox-full");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A 40 x 30 PNG of one colour. */
  private static byte[] png(java.awt.Color colour) throws IOException {
    var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String randomPhone() {
    return "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  }

  /** The conversation of this customer once its ticket exists. */
  private static JsonObject mirrored(String customerPhone) {
    return eventually()
        .until(
            () ->
                bridge.get("conversations").array().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("channelUserId").equals(customerPhone))
                    .findFirst(),
            c -> c.isPresent() && !c.get().isNull("crmTicketId"))
        .orElseThrow();
  }

  /** Logs into RT's web UI as a person does: its home page shows the login form first. */
  private static void loginToRt(String user, String password) {
    var driver = browser.driver();
    driver.get(RequestTrackerFixture.WEB + "/");
    driver.findElement(By.name("user")).sendKeys(user);
    driver.findElement(By.name("pass")).sendKeys(password);
    driver.findElement(By.cssSelector("form#login [type='submit']")).click();
    eventually().until(() -> all("form#login").isEmpty());
  }

  /** Opens the RT ticket page and switches into the view's frame. */
  private static void openTicketView(String ticket) {
    var driver = browser.driver();
    driver.switchTo().defaultContent();
    driver.get(RequestTrackerFixture.WEB + "/Ticket/Display.html?id=" + ticket);
    WebElement frame =
        eventually()
            .until(() -> all("iframe[src*='/inbox/']").stream().findFirst(), Optional::isPresent)
            .orElseThrow();
    // below RT's fixed page menu, so that clicks in the view's header reach the view
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", frame);
    driver.switchTo().frame(frame);
    waitFor("body[data-ready='true']");
  }

  private static void openFullInbox() {
    var driver = browser.driver();
    driver.switchTo().defaultContent();
    driver.get(RequestTrackerFixture.WEB + "/Switchboard/Inbox.html");
    WebElement frame =
        eventually()
            .until(() -> all("iframe[src*='/inbox/']").stream().findFirst(), Optional::isPresent)
            .orElseThrow();
    driver.switchTo().frame(frame);
    waitFor("body[data-ready='true']");
  }

  /** The view's frame address on the RT page now shown (with RT's token in its fragment). */
  private static String frameSource() {
    return all("iframe[src*='/inbox/']").get(0).getAttribute("src");
  }

  /**
   * A screenshot of the RT page with the view's frame in sight (below RT's fixed menu), taken from
   * the page itself so that RT's frame around the view shows too; then back into the frame.
   */
  private static void shoot(String name) {
    var driver = browser.driver();
    driver.switchTo().defaultContent();
    WebElement frame = all("iframe[src*='/inbox/']").get(0);
    driver.executeScript(
        "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 70)",
        frame);
    browser.viewport(name);
    driver.switchTo().frame(frame);
  }

  /** An await that looks again when the view re-rendered what it looked at. */
  private static org.awaitility.core.ConditionFactory eventually() {
    return await()
        .atMost(WITHIN)
        .ignoreExceptionsInstanceOf(org.openqa.selenium.StaleElementReferenceException.class);
  }

  private static List<WebElement> all(String css) {
    return browser.driver().findElements(By.cssSelector(css));
  }

  private static WebElement waitFor(String css) {
    return eventually()
        .until(
            () -> all(css).stream().filter(WebElement::isDisplayed).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static String text(String css) {
    return eventually().until(() -> waitFor(css).getText(), java.util.Objects::nonNull);
  }

  private static Optional<WebElement> lastOf(String css) {
    List<WebElement> found = all(css);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }

  private static void assertThatNoAlert() {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("a script of the customer's text ran: an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static String owner(String ticket) {
    return rt.ticket(ticket).getJsonObject("Owner").getString("id");
  }

  /** RT's Correspond transactions on the ticket by this user whose text contains the reply. */
  private static List<String> correspondenceBy(String user, String text) {
    return rt
        .transactions("ObjectType='RT::Ticket' AND ObjectId=" + ticketId + " AND Type='Correspond'")
        .stream()
        .filter(t -> user.equals(creatorOf(t)))
        .map(t -> t.getString("id"))
        .filter(id -> rt.transactionText(id).contains(text))
        .toList();
  }

  private static String creatorOf(JsonObject transaction) {
    JsonValue creator = transaction.get("Creator");
    return creator instanceof JsonObject o ? o.getString("id", null) : null;
  }
}

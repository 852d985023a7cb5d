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
    await()
        .atMost(WITHIN)
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
    await().atMost(WITHIN).until(() -> !all("#customer-orders-list details.order").isEmpty());
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
        await()
            .atMost(WITHIN)
            .until(
                () ->
                    phoneApp.businessMessages(phone).stream()
                        .filter(m -> m.getString("text", "").contains(reply))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(received.getString("type")).isEqualTo("text");
    await().atMost(WITHIN).until(() -> correspondenceBy("agent1", reply).size() == 1);
    String mine = "#messages li.message[data-direction='OUT']:not(.local)";
    await()
        .atMost(WITHIN)
        .until(
            () -> lastOf(mine).map(m -> m.getAttribute("data-status")).orElse(""),
            "DELIVERED"::equals);

    phoneApp.post("read-receipts", "{\"phone\":\"" + phone + "\"}");
    await()
        .atMost(WITHIN)
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
  @DisplayName("a reply written in RT appears in the view without a reload")
  void replyFromRtAppearsLive() {
    rt.agentWrites(ticketId, "correspond", "Also: the lid is included.");
    await()
        .atMost(WITHIN)
        .until(
            () ->
                all("#messages li.message[data-direction='OUT']").stream()
                    .anyMatch(m -> m.getText().contains("the lid is included")));
  }

  @Test
  @Order(4)
  @DisplayName("take and reassign in the view: RT's owner follows at once")
  void takeAndReassign() {
    waitFor("#assign-take").click();
    await().atMost(WITHIN).until(() -> owner(ticketId), "agent1"::equals);
    new Select(waitFor("#assign-agent")).selectByValue("agent2");
    browser.driver().findElement(By.id("assign-to")).click();
    await().atMost(WITHIN).until(() -> owner(ticketId), "agent2"::equals);
    await()
        .atMost(WITHIN)
        .until(() -> waitFor("#assignee").getAttribute("data-assignee"), "agent2"::equals);
  }

  @Test
  @Order(5)
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
    await().atMost(WITHIN).until(() -> !all("#viewers bdi.viewer[data-login='agent2']").isEmpty());
    assertThat(waitFor("#viewers").getAttribute("data-typing")).isEqualTo("true");
  }

  @Test
  @Order(6)
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
    await()
        .atMost(WITHIN)
        .until(() -> waitFor("#composer").getAttribute("data-window"), "closed"::equals);
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
    await()
        .atMost(WITHIN)
        .until(() -> !text("#" + inputs.get(0).getAttribute("id") + "-problem").isBlank());
    assertThat(phoneApp.businessMessages(latePhone)).isEmpty();

    inputs.get(0).sendKeys("Sam");
    inputs.get(1).sendKeys("4567");
    shoot("inbox-template-form");
    waitFor("#template-send").click();
    JsonObject template =
        await()
            .atMost(WITHIN)
            .until(
                () -> phoneApp.businessMessages(latePhone).stream().findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(template.getString("type")).isEqualTo("template");
    assertThat(template.getString("text")).contains("Hi Sam, your order 4567 is on its way.");
  }

  @Test
  @Order(7)
  @DisplayName("an Arabic conversation reads right to left, also in the Arabic UI")
  void arabicRightToLeft() {
    String arabic = "مرحبا، أين طلبي رقم 4567؟ شكراً";
    phoneApp.customerSends(
        arabicPhone, "أمل الهاشمي", Json.createObjectBuilder().add("text", arabic));
    String arabicTicket = mirrored(arabicPhone).getString("crmTicketId");

    openTicketView(arabicTicket);
    WebElement bubble =
        await()
            .atMost(WITHIN)
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
  @Order(8)
  @DisplayName("hostile names and texts stay inert text in the full inbox")
  void hostileContentIsInert() {
    String hostileText = "<script>alert(3)</script>" + "W".repeat(4_000) + " \u202Eevil";
    phoneApp.customerSends(
        hostilePhone, HOSTILE_NAME, Json.createObjectBuilder().add("text", hostileText));
    mirrored(hostilePhone);

    openFullInbox();
    WebElement item =
        await()
            .atMost(WITHIN)
            .until(
                () ->
                    all("#inbox-items li.inbox-item .customer-name").stream()
                        .filter(n -> n.getText().contains("alert(2)"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(item.getText()).contains("<script>alert(2)</script>");
    item.click();
    await()
        .atMost(WITHIN)
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

  private static String randomPhone() {
    return "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  }

  /** The conversation of this customer once its ticket exists. */
  private static JsonObject mirrored(String customerPhone) {
    return await()
        .atMost(WITHIN)
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
    await().atMost(WITHIN).until(() -> all("form#login").isEmpty());
  }

  /** Opens the RT ticket page and switches into the view's frame. */
  private static void openTicketView(String ticket) {
    var driver = browser.driver();
    driver.switchTo().defaultContent();
    driver.get(RequestTrackerFixture.WEB + "/Ticket/Display.html?id=" + ticket);
    WebElement frame =
        await()
            .atMost(WITHIN)
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
        await()
            .atMost(WITHIN)
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

  private static List<WebElement> all(String css) {
    return browser.driver().findElements(By.cssSelector(css));
  }

  private static WebElement waitFor(String css) {
    return await()
        .atMost(WITHIN)
        .until(
            () -> all(css).stream().filter(WebElement::isDisplayed).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static String text(String css) {
    return waitFor(css).getText();
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

package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The field-mapping page in a real browser (Debian's headless Chromium) against the bridge on
 * Payara Micro with a connection to the real Request Tracker 5: the admin signs in with the token,
 * maps a field from RT's discovered schema and saves it, sees an invalid mapping's problem on its
 * row with the focus on it, runs a dry run for a customer, compares and rolls back versions, and
 * reads the page in Arabic, right to left. The steps build on each other, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The field-mapping page in headless Chromium, against Request Tracker")
class MappingPageIT {
  static final String BASE = "http://127.0.0.1:18080/switchboard";
  static final String CRM = "rt-page";
  static final String CHANNEL = "wa-page";
  static final String APP_SECRET = "page-app-secret";
  static final String PHONE_NUMBER_ID = "106540352249999";
  static final String STATUS_FIELD = "ticket:cf.Conversation Status";

  static final String waId = "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  static final String customerName = "Page Tester " + waId.substring(7);

  static SwitchboardClient bridge;
  static HeadlessChromium browser;
  static MappingPage page;

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @BeforeAll
  static void bridgeWithACustomerAndABrowser() throws IOException {
    RequestTrackerFixture rt =
        RequestTrackerFixture.start(BASE + "/api/crm/" + CRM + "/webhook", "page-rt-secret");
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
    bridge.putRequestTracker(CRM, rt.token(), "page-rt-secret");
    // Outbound sends never happen in this test: the Graph API address only has to be valid.
    SwitchboardClient.Answer channel =
        bridge.putWhatsAppChannel(
            CHANNEL,
            CRM,
            PHONE_NUMBER_ID,
            "page-token",
            APP_SECRET,
            "page-verify",
            "http://127.0.0.1:9");
    assertThat(channel.status()).as(channel.body()).isIn(200, 201);
    String hello =
        WhatsAppWebhookBuilder.textMessage(
            PHONE_NUMBER_ID,
            waId,
            customerName,
            WhatsAppWebhookBuilder.uniqueWamid(),
            "Hello",
            Instant.now().getEpochSecond());
    assertThat(bridge.whatsAppWebhook(CHANNEL, APP_SECRET, hello).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> customersNamed(customerName).size() == 1);
    browser = HeadlessChromium.start(1400, 1000, "en-US");
    page = new MappingPage(browser.driver());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("the page asks for the token, then offers Request Tracker's real fields")
  void signsInAndShowsTheSchema() {
    page.open(BASE).signIn(System.getProperty("switchboard.it.adminToken"), "amal");
    page.chooseConnection(CRM);
    assertThat(page.version()).isZero();
    int row = page.addMapping();
    List<String> crmFields =
        new Select(page.control(row, "crm"))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(crmFields)
        .contains(
            "requester:requester.RealName",
            "requester:requester.cf.Preferred Language",
            "ticket:cf.Last Order Number",
            STATUS_FIELD);
    browser.screenshot("mapping-page-1-empty");
  }

  @Test
  @Order(2)
  @DisplayName("a field mapped both ways with a conflict rule is saved as version 1")
  void mapsAFieldAndSaves() {
    page.choose(0, "bridge", "customer.name")
        .choose(0, "crm", "requester:requester.RealName")
        .choose(0, "direction", "both")
        .choose(0, "conflict", "newest-wins");
    assertThat(page.save("customer name to RT")).isEqualTo(1);
    assertThat(page.versions()).containsExactly(1);
  }

  @Test
  @Order(3)
  @DisplayName("an invalid mapping's problem shows on its row and control, which gets the focus")
  void invalidMappingShowsItsProblemInline() {
    int row = page.addMapping();
    page.choose(row, "bridge", "conversation.status").choose(row, "crm", STATUS_FIELD);
    page.validate();
    page.awaitAnnouncement("problem");
    assertThat(page.problems(row)).singleElement().asString().contains("cf.Conversation Status");
    assertThat(page.problems(0)).isEmpty();
    assertThat(page.focused()).isEqualTo("transform");
    assertThat(page.control(row, "transform").getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("mapping-page-2-problem");

    page.choose(row, "transform", "enum")
        .parameter(
            row,
            "values",
            "open = open\nwaiting-on-customer = pending\nsolved = closed\nclosed = closed");
    assertThat(page.save("conversation status, values mapped")).isEqualTo(2);
  }

  @Test
  @Order(4)
  @DisplayName("a dry run for a customer shows what would be written, and writes nothing")
  void dryRunOnACustomer() {
    List<List<String>> writes = page.dryRun(customerName);
    // each row: target, object, CRM field (with the bridge field under it), current, new value
    assertThat(writes)
        .anySatisfy(
            w -> {
              assertThat(w.get(2)).startsWith("requester.RealName");
              assertThat(w.get(4)).isEqualTo(customerName);
            });
    browser.screenshot("mapping-page-3-dry-run");
    assertThat(page.version()).isEqualTo(2);
  }

  @Test
  @Order(5)
  @DisplayName("the diff shows the added mapping; a rollback makes version 1 current as version 3")
  void diffAndRollback() {
    assertThat(page.diff(1, 2)).singleElement().asString().contains(STATUS_FIELD);
    assertThat(page.rollBackTo(1)).isEqualTo(3);
    assertThat(page.versions()).containsExactly(3, 2, 1);
    assertThat(page.rows()).hasSize(1);
    assertThat(page.text("#version-rows tr[data-version='3']")).contains("amal");
    browser.screenshot("mapping-page-4-rolled-back");
  }

  @Test
  @Order(6)
  @DisplayName("an invalid mapping file is refused with its problems listed, and nothing changes")
  void invalidImportChangesNothing() throws IOException {
    Path file = Files.createTempFile("bad-mapping", ".json");
    Files.writeString(
        file,
        "{\"format\":\"switchboard-mapping/1\",\"mappings\":[{\"target\":\"ticket\","
            + "\"crm\":\"cf.Channel\",\"direction\":\"sideways\"}]}");
    assertThat(page.importFile(file)).anySatisfy(p -> assertThat(p).contains("sideways"));
    assertThat(page.versions()).containsExactly(3, 2, 1);
    assertThat(page.rows()).hasSize(1);
    Files.delete(file);
  }

  @Test
  @Order(7)
  @DisplayName("in Arabic the page reads right to left, with field keys kept left to right")
  void arabicIsRightToLeft() {
    page.language("ar");
    assertThat(page.direction()).isEqualTo("rtl");
    assertThat(page.text("h1")).isEqualTo("ربط الحقول");
    WebElement key = browser.driver().findElement(By.cssSelector(".field-info bdi"));
    assertThat(key.getAttribute("dir")).isEqualTo("ltr");
    browser.screenshot("mapping-page-5-arabic");
    page.language("en");
  }

  static List<JsonValue> customersNamed(String name) {
    SwitchboardClient.Answer answer =
        bridge.get("customers?q=" + name.replace(" ", "%20") + "&limit=5");
    return answer.status() == 200
        ? answer.json().getJsonArray("customers").stream()
            .filter(c -> name.equals(c.asJsonObject().getString("name", null)))
            .toList()
        : List.of();
  }
}

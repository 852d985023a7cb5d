package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.ReplyRecords;
import io.switchboard.spi.crm.capability.SignedInAgent;
import io.switchboard.testkit.crm.CrmTestData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The inbox view's RT side against the real RT of {@code tools/request-tracker/setup-rt.sh}: the
 * frames RT-Extension-Switchboard puts in RT's pages (tokens made by Crypt::JWT, checked by the
 * adapter with Nimbus), replies recorded as the agent's, and RT run "as a real admin" (Switchboard
 * Key hidden from agents, no notification mail to channel requesters). RT is shared: data is
 * unique.
 */
class RequestTrackerInboxViewIT {
  /** setup-rt.sh's default RT_SWITCHBOARD_VIEW_SECRET, which the test server leaves in place. */
  private static final String VIEW_SECRET = "switchboard-rt-view-secret-0123456789abcdef";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern FRAME =
      Pattern.compile("<iframe class=\"switchboard-frame\" src=\"([^\"]+)\" title=\"([^\"]+)\"");

  private static RequestTrackerTestServer rt;
  private CrmAdapter crm;
  private CrmTestData data;

  @BeforeAll
  static void startRequestTracker() throws Exception {
    rt = new RequestTrackerTestServer();
  }

  @AfterAll
  static void stopReceiver() {
    if (rt != null) {
      rt.close();
    }
  }

  @BeforeEach
  void adapter() throws Exception {
    rt.ensurePostsToUs();
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    crm =
        factory.create(
            PluginConfig.of(
                factory.options(),
                Map.of(
                    "baseUrl",
                    rt.baseUrl,
                    "token",
                    rt.token,
                    "webhookSecret",
                    rt.secret,
                    "agentViewSecret",
                    VIEW_SECRET)),
            // RT's $SwitchboardConnection (RT_SWITCHBOARD_CONNECTION) is "rt": the tokens'
            // audience.
            new PluginContext("rt", Clock.systemUTC()));
    data = CrmTestData.unique();
  }

  @AfterEach
  void close() {
    crm.close();
  }

  @Test
  @DisplayName(
      "agent1's ticket page frames the conversation; its token (Crypt::JWT) signs agent1 in with"
          + " the queues of its ShowTicket right; the inbox page frames the full inbox")
  void framesSignAgentsIn() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    Browser agent1 = Browser.loggedIn(rt.baseUrl, "agent1", "agent1-pass");

    Matcher frame = FRAME.matcher(agent1.get("/Ticket/Display.html?id=" + ticket));
    assertThat(frame.find()).as("the ticket page has the Switchboard frame").isTrue();
    String src = unescape(frame.group(1));
    assertThat(src)
        .contains(
            "/inbox/?crm=rt&conversation="
                + URLEncoder.encode(data.conversationId(), StandardCharsets.UTF_8)
                + "&ticket="
                + ticket
                + "&embed=ticket#token=");
    assertThat(frame.group(2)).isEqualTo("Switchboard conversation of ticket #" + ticket);

    Instant now = Instant.now();
    SignedInAgent signedIn =
        crm.capability(AgentSignOn.class)
            .orElseThrow()
            .verify(src.substring(src.indexOf("#token=") + 7), now);
    assertThat(signedIn.login()).isEqualTo("agent1");
    assertThat(signedIn.name()).isEqualTo("Agent One");
    assertThat(signedIn.email()).isEqualTo("agent1@example.invalid");
    assertThat(signedIn.groups()).containsExactly("Sales", "Support");
    assertThat(signedIn.expiresAt()).isBetween(now.plusSeconds(240), now.plusSeconds(330));

    String inbox = agent1.get("/Switchboard/Inbox.html");
    assertThat(inbox).contains("Switchboard inbox");
    Matcher full = FRAME.matcher(inbox);
    assertThat(full.find()).isTrue();
    assertThat(unescape(full.group(1))).contains("/inbox/?crm=rt&embed=inbox#token=");
  }

  @Test
  @DisplayName(
      "Switchboard Key is on no reply form of agent1 (it is on root's: superusers hold every"
          + " right), and the adapter still writes its notes with it")
  void switchboardKeyHiddenFromAgents() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    String key = "note:" + data.conversationId() + ":hidden";
    String note = crm.addInternalNote(ticket, key, data.uniqueText("Bridge note"));
    assertThat(crm.addInternalNote(ticket, key, "again")).isEqualTo(note);

    String update = "/Ticket/Update.html?id=" + ticket + "&Action=Respond";
    assertThat(Browser.loggedIn(rt.baseUrl, "agent1", "agent1-pass").get(update))
        .contains("Update ticket")
        .doesNotContain("Switchboard Key");
    assertThat(Browser.loggedIn(rt.baseUrl, "root", "password").get(update))
        .contains("Switchboard Key");
  }

  @Test
  @DisplayName(
      "an inbox-view reply is recorded once, as agent1's Correspond with its file, and comes"
          + " back neither by polling nor by webhook; a reply typed in RT afterwards does")
  void replyRecordedAsTheAgents() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    String cursor = crm.poll(null).nextCursor();
    int webhooksBefore = rt.webhooks.size();
    ReplyRecords records = crm.capability(ReplyRecords.class).orElseThrow();
    String text = data.uniqueText("Sent from the inbox view");
    byte[] file = "tracking: 1Z999".getBytes(StandardCharsets.UTF_8);
    List<Attachment> files =
        List.of(new Attachment("tracking.txt", "text/plain", file.length, null, file));
    String key = "view:" + data.conversationId() + ":1";

    String recorded = records.recordAgentReply(ticket, key, "agent1", text, files);

    assertThat(records.recordAgentReply(ticket, key, "agent1", text, files)).isEqualTo(recorded);
    JsonObject txn = rt.get("/transaction/" + recorded);
    assertThat(txn.getString("Type")).isEqualTo("Correspond");
    assertThat(txn.getJsonObject("Creator").getString("id")).isEqualTo("agent1");
    assertThat(
            rt
                .get("/transaction/" + recorded + "/attachments?fields=Filename,MessageId")
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .map(a -> a.getString("Filename", ""))
                .toList())
        .contains("tracking.txt");

    String barrier = data.uniqueText("Typed in RT afterwards");
    correspondAsAgent1(ticket, barrier);
    Predicate<CrmEvent> barrierReply =
        e -> e instanceof AgentReply r && r.ticketId().equals(ticket) && barrier.equals(r.text());
    assertThat(repliesOn(ticket, pollUntil(cursor, barrierReply))).containsExactly(barrier);
    assertThat(repliesOn(ticket, webhooksUntil(webhooksBefore, barrierReply)))
        .containsExactly(barrier);
  }

  @Test
  @DisplayName(
      "RT mails no channel requester: an agent's reply on a Support ticket records no outgoing"
          + " mail to them, while a General ticket's requestor still gets RT's autoreply")
  void noMailToChannelRequesters() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String ticket = crm.openTicket(data.ticket(requester));
    correspondAsAgent1(ticket, data.uniqueText("Your order ships tomorrow."));

    assertThat(outgoingMailTo(ticket, requester + "@example.invalid"))
        .as("EmailRecord transactions to the requester")
        .isZero();

    String someone = "someone-" + UUID.randomUUID() + "@example.invalid";
    JsonObject general =
        Json.createObjectBuilder()
            .add("Queue", "General")
            .add("Subject", "An ordinary ticket")
            .add("Requestor", someone)
            .add("Content", "Hello")
            .add("ContentType", "text/plain")
            .build();
    String generalTicket = rt.post("/ticket", general).getString("id");
    assertThat(outgoingMailTo(generalTicket, someone)).as("autoreply in General").isOne();
  }

  // ------------------------------------------------------------------ helpers

  /**
   * An attribute value as the browser reads it: RT's EscapeHTML writes {@code &} as {@code &#38;}.
   */
  private static String unescape(String attribute) {
    return attribute.replace("&#38;", "&").replace("&amp;", "&");
  }

  private static void correspondAsAgent1(String ticket, String text) throws Exception {
    rt.postAs(
        "agent1",
        "agent1-pass",
        "/ticket/" + ticket + "/correspond",
        Json.createObjectBuilder().add("Content", text).add("ContentType", "text/plain").build());
  }

  /** How many EmailRecord transactions ("Outgoing email recorded") of the ticket went to it. */
  private static long outgoingMailTo(String ticket, String address) throws Exception {
    long count = 0;
    for (JsonValue item :
        rt.get("/ticket/" + ticket + "/history?per_page=100&fields=Type").getJsonArray("items")) {
      JsonObject txn = item.asJsonObject();
      if (!"EmailRecord".equals(txn.getString("Type"))) {
        continue;
      }
      String headers =
          rt
              .get("/transaction/" + txn.getString("id") + "/attachments?fields=Headers")
              .getJsonArray("items")
              .stream()
              .map(a -> a.asJsonObject().getString("Headers", ""))
              .reduce("", String::concat);
      count += headers.toLowerCase().contains(address.toLowerCase()) ? 1 : 0;
    }
    return count;
  }

  private List<CrmEvent> pollUntil(String cursor, Predicate<CrmEvent> wanted) {
    List<CrmEvent> polled = new CopyOnWriteArrayList<>();
    AtomicReference<String> position = new AtomicReference<>(cursor);
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              var result = crm.poll(position.get());
              position.set(result.nextCursor());
              polled.addAll(result.events());
              return polled.stream().anyMatch(wanted);
            });
    return polled;
  }

  private List<CrmEvent> webhooksUntil(int since, Predicate<CrmEvent> wanted) {
    List<CrmEvent> hooked = new ArrayList<>();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              hooked.clear();
              for (WebhookRequest w : rt.webhooks.subList(since, rt.webhooks.size())) {
                if (crm.isAuthentic(w)) {
                  hooked.addAll(crm.parseWebhook(w.body()));
                }
              }
              return hooked.stream().anyMatch(wanted);
            });
    return hooked;
  }

  private static List<String> repliesOn(String ticket, List<CrmEvent> events) {
    return events.stream()
        .filter(e -> e instanceof AgentReply && e.ticketId().equals(ticket))
        .map(e -> ((AgentReply) e).text())
        .toList();
  }

  /** A person in RT's web UI: logged in with RT's login form, the session in a cookie. */
  private record Browser(HttpClient http, String baseUrl) {
    static Browser loggedIn(String baseUrl, String user, String password) throws Exception {
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String form =
          "user="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&pass="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/NoAuth/Login.html"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("login of %s", user).isIn(200, 302);
      Browser browser = new Browser(http, baseUrl);
      // RT shows its login form again to a session that is not logged in.
      assertThat(browser.get("/")).as("home page of %s", user).doesNotContain("name=\"pass\"");
      return browser;
    }

    String get(String path) throws Exception {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
      return page.body();
    }
  }
}

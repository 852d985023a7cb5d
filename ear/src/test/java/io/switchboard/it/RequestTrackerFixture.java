package io.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Request Tracker 5 on this machine, provisioned and started by the project's own {@code
 * tools/request-tracker/setup-rt.sh}, with its webhook scrip pointed at the bridge under test.
 */
public final class RequestTrackerFixture {
  public static final String BASE = "http://127.0.0.1:8092";

  /** RT's web UI, where agents log in. */
  public static final String WEB = BASE;

  private static final String REST = BASE + "/REST/2.0";
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  private RequestTrackerFixture(String token) {
    this.token = token;
  }

  /** Starts RT (installing it on first use) so that its webhook posts to {@code webhookUrl}. */
  public static RequestTrackerFixture start(String webhookUrl, String webhookSecret) {
    setupRt("start", Map.of("RT_WEBHOOK_URL", webhookUrl, "RT_WEBHOOK_SECRET", webhookSecret));
    return new RequestTrackerFixture(setupRt("token", Map.of()).trim());
  }

  /**
   * Starts RT with its webhook posting to {@code webhookUrl} and the Switchboard extension framing
   * the bridge's inbox view at {@code bridgeUrl}, signing agents' tokens with {@code viewSecret}
   * for the CRM connection {@code connectionId}.
   */
  public static RequestTrackerFixture start(
      String webhookUrl,
      String webhookSecret,
      String bridgeUrl,
      String viewSecret,
      String connectionId) {
    setupRt(
        "start",
        Map.of(
            "RT_WEBHOOK_URL", webhookUrl,
            "RT_WEBHOOK_SECRET", webhookSecret,
            "RT_SWITCHBOARD_URL", bridgeUrl,
            "RT_SWITCHBOARD_VIEW_SECRET", viewSecret,
            "RT_SWITCHBOARD_CONNECTION", connectionId));
    return new RequestTrackerFixture(setupRt("token", Map.of()).trim());
  }

  /** Stops the RT server (an outage); {@link #start} brings it back with the same settings. */
  public static void stop() {
    setupRt("stop", Map.of());
  }

  public String token() {
    return token;
  }

  private static String setupRt(String command, Map<String, String> env) {
    Path root = Path.of(System.getProperty("switchboard.projectRoot", "..")).toAbsolutePath();
    Path script = root.resolve("tools/request-tracker/setup-rt.sh");
    try {
      Path log = Files.createTempFile("setup-rt-" + command, ".log");
      ProcessBuilder pb =
          new ProcessBuilder("bash", script.toString(), command).redirectError(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "setup-rt.sh " + command + " failed:\n" + Files.readString(log));
      }
      return out.lines().reduce((a, b) -> b).orElse("");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A ticket as REST2 shows it. */
  public JsonObject ticket(String id) {
    return get("/ticket/" + id).asJsonObject();
  }

  /** Ids of the tickets TicketSQL finds. */
  public List<String> ticketIds(String ticketSql) {
    JsonObject page =
        get("/tickets?query="
                + URLEncoder.encode(ticketSql, StandardCharsets.UTF_8)
                + "&per_page=100")
            .asJsonObject();
    List<String> ids = new ArrayList<>();
    for (JsonValue item : page.getJsonArray("items")) {
      ids.add(item.asJsonObject().getString("id"));
    }
    return ids;
  }

  /** The text contents of a ticket's transactions of the given type (Create, Correspond, ...). */
  public List<String> contents(String ticketId, String type) {
    String sql = "ObjectType='RT::Ticket' AND ObjectId=" + ticketId + " AND Type='" + type + "'";
    JsonObject page =
        get("/transactions?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8)
                + "&per_page=100&fields=Type,Creator")
            .asJsonObject();
    List<String> texts = new ArrayList<>();
    for (JsonValue item : page.getJsonArray("items")) {
      texts.addAll(textsOf(item.asJsonObject().getString("id")));
    }
    return texts;
  }

  /** The plain text of one transaction (its text/plain parts, joined), empty when it has none. */
  public String transactionText(String transactionId) {
    return String.join("\n", textsOf(transactionId));
  }

  private List<String> textsOf(String transactionId) {
    JsonArray attachments =
        get("/transaction/" + transactionId + "/attachments?fields=ContentType,Content")
            .asJsonObject()
            .getJsonArray("items");
    List<String> texts = new ArrayList<>();
    for (JsonValue a : attachments) {
      JsonObject att = a.asJsonObject();
      if (att.getString("ContentType", "").startsWith("text/plain")
          && att.containsKey("Content")
          && !att.isNull("Content")) {
        texts.add(att.getString("Content")); // REST2 gives text/plain content as is
      }
    }
    return texts;
  }

  /** An agent writes a public reply (Correspond) or an internal comment, as a person would. */
  public void agentWrites(String ticketId, String kind, String text) {
    String body =
        Json.createObjectBuilder()
            .add("Content", text)
            .add("ContentType", "text/plain")
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(REST + "/ticket/" + ticketId + "/" + kind))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("agent1:agent1-pass".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = call(request);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("RT " + kind + " failed: " + response.body());
    }
  }

  /**
   * An agent writes a public reply with a file attached, as a person would from RT's reply form.
   */
  public void agentWritesWithFile(
      String ticketId, String text, String fileName, String contentType, byte[] bytes) {
    String body =
        Json.createObjectBuilder()
            .add("Content", text)
            .add("ContentType", "text/plain")
            .add(
                "Attachments",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("FileName", fileName)
                            .add("FileType", contentType)
                            .add("FileContent", Base64.getEncoder().encodeToString(bytes))))
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(REST + "/ticket/" + ticketId + "/correspond"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("agent1:agent1-pass".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = call(request);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("RT correspond with a file failed: " + response.body());
    }
  }

  /**
   * A file RT holds on a ticket.
   *
   * @param fileName the file name RT shows
   * @param contentType its MIME type as RT stored it
   * @param bytes the content
   */
  public record File(String fileName, String contentType, byte[] bytes) {}

  /** The named files of a ticket's transactions of the given type (Correspond, Comment, ...). */
  public List<File> files(String ticketId, String type) {
    String sql = "ObjectType='RT::Ticket' AND ObjectId=" + ticketId + " AND Type='" + type + "'";
    JsonObject page =
        get("/transactions?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8)
                + "&per_page=100&fields=Type")
            .asJsonObject();
    List<File> files = new ArrayList<>();
    for (JsonValue item : page.getJsonArray("items")) {
      String txn = item.asJsonObject().getString("id");
      JsonArray attachments =
          get("/transaction/" + txn + "/attachments?fields=Filename,ContentType")
              .asJsonObject()
              .getJsonArray("items");
      for (JsonValue a : attachments) {
        JsonObject att = a.asJsonObject();
        String name = att.getString("Filename", "");
        if (name.isEmpty()) {
          continue;
        }
        JsonObject full = get("/attachment/" + att.getString("id")).asJsonObject();
        byte[] bytes = Base64.getMimeDecoder().decode(full.getString("Content", ""));
        files.add(new File(name, full.getString("ContentType", ""), bytes));
      }
    }
    return files;
  }

  /** A REST2 call as RT's {@code root} (a person, not the bridge's API user). */
  public JsonValue asRoot(String method, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(REST + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("root:password".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response = call(request);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "RT " + method + " " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank()
        ? JsonValue.NULL
        : Json.createReader(new StringReader(response.body())).readValue();
  }

  /** A user as REST2 shows it (by name or id). */
  public JsonObject user(String nameOrId) {
    return get("/user/" + URLEncoder.encode(nameOrId, StandardCharsets.UTF_8)).asJsonObject();
  }

  /** The ids of the transactions a transaction query finds (up to 500). */
  public List<JsonObject> transactions(String sql) {
    List<JsonObject> out = new ArrayList<>();
    for (int page = 1; page <= 5; page++) {
      JsonObject found =
          get("/transactions?query="
                  + URLEncoder.encode(sql, StandardCharsets.UTF_8)
                  + "&fields=Type,Field,Creator,OldValue,NewValue&per_page=100&page="
                  + page)
              .asJsonObject();
      found.getJsonArray("items").forEach(v -> out.add(v.asJsonObject()));
      if (found.getJsonArray("items").size() < 100) {
        break;
      }
    }
    return out;
  }

  private JsonValue get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(REST + path))
            .header("Authorization", "token " + token)
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response = call(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("RT GET " + path + " -> " + response.statusCode());
    }
    return Json.createReader(new StringReader(response.body())).readValue();
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

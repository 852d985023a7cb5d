package io.switchboard.it;

import io.switchboard.sandbox.whatsapp.SandboxServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The WhatsApp sandbox's test API as the customer's phone uses it: a customer writes, reads a chat,
 * and what the phone received from the business.
 */
final class SandboxClient {
  private final SandboxServer sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  SandboxClient(SandboxServer sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * The customer with this phone (digits) and name writes a message (the sandbox's JSON); fails
   * unless the sandbox took it and the bridge accepted its webhook.
   */
  JsonObject customerSends(String phone, String name, jakarta.json.JsonObjectBuilder message) {
    JsonObject answer =
        post(
            "customer-messages",
            message.add("from", "+" + phone).add("name", name).build().toString());
    if (!answer.getBoolean("accepted", false)) {
      throw new IllegalStateException("the customer's message did not get through: " + answer);
    }
    return answer;
  }

  /** What the customer's phone shows from the business, oldest first. */
  List<JsonObject> businessMessages(String phone) {
    JsonObject chat = get("conversation?phone=" + phone);
    if (!(chat.get("messages") instanceof JsonArray messages)) {
      return List.of(); // no chat with this customer yet
    }
    return messages.stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getString("direction").equals("business"))
        .toList();
  }

  JsonObject post(String path, String json) {
    return call(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  JsonObject get(String path) {
    return call(HttpRequest.newBuilder(uri(path)).GET());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + sandbox.port() + "/sandbox/api/" + path);
  }

  private JsonObject call(HttpRequest.Builder request) {
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
}

package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-Sent Events for the phone page ({@code GET /sandbox/api/events}): one {@code message}
 * event with the message's JSON whenever a message is added or changes, and a comment line as
 * heartbeat so dead connections are noticed and dropped.
 */
public final class EventStream implements AutoCloseable {
  private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

  /**
   * Opens a stream for one client. The exchange stays open after this returns; later events are
   * written to it from whichever thread publishes them.
   */
  public void open(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    clients.add(exchange);
    write(exchange, "retry: 2000\n: connected\n\n");
  }

  /** Sends a {@code message} event with the message's JSON to every open client. */
  public void publish(ChatMessage message) {
    String frame = "event: message\ndata: " + JsonWriter.write(message.toJson()) + "\n\n";
    for (HttpExchange client : clients) {
      write(client, frame);
    }
  }

  /** Sends a comment to every client; a failed write drops the client. */
  public void heartbeat() {
    for (HttpExchange client : clients) {
      write(client, ": heartbeat\n\n");
    }
  }

  /** How many pages are connected. */
  public int clientCount() {
    return clients.size();
  }

  @Override
  public void close() {
    for (HttpExchange client : clients) {
      drop(client);
    }
  }

  private void write(HttpExchange client, String frame) {
    // Writes to one client are serialised so two publishers never interleave their frames.
    synchronized (client) {
      try {
        OutputStream out = client.getResponseBody();
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        drop(client);
      }
    }
  }

  private void drop(HttpExchange client) {
    clients.remove(client);
    client.close();
  }
}

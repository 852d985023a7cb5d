package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server on 127.0.0.1 standing in for the bridge's webhook endpoint: it records every
 * POST (raw bytes and headers) and answers 200, or the statuses queued with {@link #answerNext}.
 */
final class BridgeStandIn implements AutoCloseable {
  static final String PATH = "/switchboard/api/channels/wa-demo/webhook";

  /** One webhook POST as the bridge received it. */
  record ReceivedWebhook(byte[] rawBody, String signature, String contentType, int answeredWith) {
    String body() {
      return new String(rawBody, StandardCharsets.UTF_8);
    }

    /** Whether the signature is HMAC-SHA256 of the raw bytes, computed here independently. */
    boolean signedWith(String appSecret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(rawBody)) {
          hex.append(String.format("%02x", b));
        }
        return hex.toString().equals(signature);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();

  BridgeStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        PATH,
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          Integer queued = nextAnswers.poll();
          int status = queued == null ? 200 : queued;
          received.add(
              new ReceivedWebhook(
                  body,
                  exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  URI webhookUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The next POSTs are answered with these statuses, in order; then 200 again. */
  void answerNext(Integer... statuses) {
    nextAnswers.addAll(List.of(statuses));
  }

  List<ReceivedWebhook> received() {
    return new ArrayList<>(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

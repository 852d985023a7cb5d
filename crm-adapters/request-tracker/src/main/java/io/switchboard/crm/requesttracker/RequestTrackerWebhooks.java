package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtWebhookEvent;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "Switchboard webhook" scrip's requests: checks their {@code X-RT-Signature} and turns their
 * bodies into neutral events through the {@link RequestTrackerEventClassifier}, without calling RT
 * (the scrip waits for the answer inside one of RT's few workers).
 */
final class RequestTrackerWebhooks {
  static final String SIGNATURE_HEADER = "X-RT-Signature";

  private final String queue;
  private final byte[] secret;
  private final RequestTrackerEventClassifier classifier;
  private final Clock clock;

  /**
   * @param secret the scrip's HMAC key, or {@code null} to reject every webhook
   */
  RequestTrackerWebhooks(
      String queue, String secret, RequestTrackerEventClassifier classifier, Clock clock) {
    this.queue = queue;
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.classifier = classifier;
    this.clock = clock;
  }

  boolean isAuthentic(WebhookRequest request) {
    if (secret == null) {
      return false;
    }
    Optional<String> header = request.header(SIGNATURE_HEADER);
    if (header.isEmpty() || !header.get().trim().startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.get().trim().substring("sha256=".length()));
    } catch (IllegalArgumentException garbled) {
      return false;
    }
    return MessageDigest.isEqual(given, hmacSha256(secret, request.body()));
  }

  static byte[] hmacSha256(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  List<CrmEvent> parse(byte[] body) throws MalformedPayloadException {
    JsonValue json;
    try (JsonReader reader = RtJson.JSON.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("the RT webhook body is not JSON: " + e.getMessage(), e);
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedPayloadException(
          "the RT webhook body is a JSON " + json.getValueType() + ", not an object", null);
    }
    RtWebhookEvent event;
    try {
      event = RtWebhookEvent.fromJson(json.asJsonObject());
    } catch (IllegalArgumentException missing) {
      throw new MalformedPayloadException(missing.getMessage(), missing);
    }
    if (event.queue() != null && !event.queue().equalsIgnoreCase(queue)) {
      return List.of(); // another queue's ticket: not this connection's business
    }
    List<Attachment> files = new ArrayList<>();
    for (RtAttachment file : event.attachments()) {
      files.add(RequestTrackerTicketChange.attachmentReference(file));
    }
    RequestTrackerTicketChange change =
        new RequestTrackerTicketChange(
            event.transactionId(),
            event.ticketId(),
            event.event(),
            event.field(),
            event.creator(),
            RequestTrackerTicketChange.instant(event.created(), clock),
            event.content(),
            files,
            event.requestors(),
            event.owner());
    return classifier.classify(change).map(List::of).orElse(List.of());
  }
}

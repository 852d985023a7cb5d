package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Correspondence written through RT's mail gateway ({@code /REST/1.0/NoAuth/mail-gateway}), the
 * only RT interface that records someone other than the authenticated API user as a transaction's
 * author: customer messages (as the requester) and agents' replies from the inbox view (as the
 * agent). RT answers the gateway with plain text and no transaction id, so the transaction is found
 * by the mail's Message-ID ({@link MailGatewayMessage#messageIdFor}), before writing (an earlier
 * try already wrote it) and after.
 */
final class RequestTrackerMailGateway {
  private final RequestTrackerRestClient rt;
  private final String queue;

  RequestTrackerMailGateway(RequestTrackerRestClient rt, String queue) {
    this.rt = rt;
    this.queue = queue;
  }

  /** The id of the ticket's transaction whose mail had this Message-ID, if RT has one. */
  Optional<String> transactionWith(String ticketId, String messageId)
      throws RetryableException, PermanentException {
    JsonArray query =
        RtJson.JSON
            .createArrayBuilder()
            .add(
                RtJson.JSON.createObjectBuilder().add("field", "MessageId").add("value", messageId))
            .build();
    return RtJson.firstItem(
        rt.post("/ticket/" + ticketId + "/attachments?fields=TransactionId&per_page=1", query)
            .object(),
        "TransactionId");
  }

  /**
   * Posts the mail as correspondence on the ticket and returns its transaction id.
   *
   * @param messageId the Message-ID the mail carries (without angle brackets)
   * @param refusal what usually causes a refusal, for the exception's message
   */
  String correspond(String ticketId, String messageId, String mail, String refusal)
      throws RetryableException, PermanentException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("queue", queue);
    form.put("action", "correspond");
    form.put("ticket", ticketId);
    form.put("message", mail);
    String result = rt.postMailGateway(form).body().trim();
    if (result.startsWith("ok")) {
      return transactionWith(ticketId, messageId)
          .orElseThrow(
              () ->
                  new RetryableException(
                      "RT's mail gateway accepted the message for ticket "
                          + ticketId
                          + " but its transaction cannot be found yet",
                      null));
    }
    if (result.startsWith("temporary failure")) {
      throw new RetryableException("RT's mail gateway: " + result, null);
    }
    throw new PermanentException(
        "RT's mail gateway refused the message for ticket "
            + ticketId
            + ": "
            + RequestTrackerRestClient.abbreviate(result)
            + " (RT logs the reason; usually "
            + refusal
            + ", or the gateway is blocked)",
        null);
  }
}

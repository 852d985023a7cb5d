package io.switchboard.sandbox.whatsapp;

/**
 * A business message read from a Graph API send request.
 *
 * @param content what the message says
 * @param laterFailure the error it will fail with after being accepted (e.g. an unknown media id,
 *     which Meta reports in a {@code failed} status, not in the answer), or null
 */
record OutboundMessage(MessageContent content, WhatsAppErrorCatalog.Entry laterFailure) {
  static OutboundMessage of(MessageContent content) {
    return new OutboundMessage(content, null);
  }
}

package io.switchboard.engine.application.media;

/** The outbox effects of inbound media, and the keys they are enqueued with. */
public final class MediaActions {
  /** Download the file of a customer's message from the channel, check and store it. */
  public static final String FETCH_MEDIA = "FETCH_MEDIA";

  /**
   * Add a file fetched after its message reached the CRM as a further entry on the ticket, or an
   * internal note that it could not be fetched.
   */
  public static final String ATTACH_TO_CRM = "ATTACH_TO_CRM";

  private MediaActions() {}

  /** Each media object has an ordering key of its own: it never holds up its conversation. */
  static String orderingKey(String target, String mediaId) {
    return target + "|media:" + mediaId;
  }

  static String fetchKey(String mediaId, int round) {
    return "media:" + mediaId + "|fetch:" + round;
  }

  static String attachKey(String mediaId, int round) {
    return "media:" + mediaId + "|attach:" + round;
  }
}

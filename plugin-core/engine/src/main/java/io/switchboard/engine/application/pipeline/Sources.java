package io.switchboard.engine.application.pipeline;

/**
 * Names of ledger sources and outbox targets: {@code channel:<id>} (a channel account's own webhook
 * URL, and sends), {@code app:<id>} (a channel app's webhook URL) and {@code crm:<id>}.
 */
public final class Sources {
  public static final String CHANNEL = "channel:";
  public static final String APP = "app:";
  public static final String CRM = "crm:";
  public static final String SHOP = "shop:";

  /** Dedupe-key prefixes of bodies kept whole in quarantine; replaying them ingests them again. */
  public static final String MALFORMED = "malformed:";

  public static final String UNREADABLE = "unreadable:";

  private Sources() {}

  public static String channel(String id) {
    return CHANNEL + id;
  }

  public static String app(String id) {
    return APP + id;
  }

  public static String crm(String id) {
    return CRM + id;
  }

  public static String shop(String id) {
    return SHOP + id;
  }

  /** Whether a ledger row holds a whole body to ingest again rather than one event. */
  public static boolean isWholeBody(String dedupeKey) {
    return dedupeKey.startsWith(MALFORMED) || dedupeKey.startsWith(UNREADABLE);
  }
}

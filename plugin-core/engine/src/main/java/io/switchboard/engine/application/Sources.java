package io.switchboard.engine.application;

/**
 * Names of ledger sources and outbox targets: {@code channel:<id>} (a channel account's own webhook
 * URL, and sends), {@code app:<id>} (a channel app's webhook URL) and {@code crm:<id>}.
 */
final class Sources {
  static final String CHANNEL = "channel:";
  static final String APP = "app:";
  static final String CRM = "crm:";

  /** Dedupe-key prefixes of bodies kept whole in quarantine; replaying them ingests them again. */
  static final String MALFORMED = "malformed:";

  static final String UNREADABLE = "unreadable:";

  private Sources() {}

  static String channel(String id) {
    return CHANNEL + id;
  }

  static String app(String id) {
    return APP + id;
  }

  static String crm(String id) {
    return CRM + id;
  }

  /** Whether a ledger row holds a whole body to ingest again rather than one event. */
  static boolean isWholeBody(String dedupeKey) {
    return dedupeKey.startsWith(MALFORMED) || dedupeKey.startsWith(UNREADABLE);
  }
}

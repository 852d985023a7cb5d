package io.switchboard.engine.application;

/** Names of ledger sources and outbox targets: {@code channel:<id>} and {@code crm:<id>}. */
final class Sources {
  static final String CHANNEL = "channel:";
  static final String CRM = "crm:";

  private Sources() {}

  static String channel(String id) {
    return CHANNEL + id;
  }

  static String crm(String id) {
    return CRM + id;
  }
}

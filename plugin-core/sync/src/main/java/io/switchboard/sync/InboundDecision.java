package io.switchboard.sync;

/** What a change seen in a mapped CRM field means for the bridge. */
public sealed interface InboundDecision {
  /** The CRM shows what the bridge last wrote: our own write coming back. Nothing to do. */
  record Echo() implements InboundDecision {}

  /** The bridge takes the CRM's value: set {@code field} to {@code bridgeValue}. */
  record TakeIntoBridge(BridgeField field, String bridgeValue) implements InboundDecision {}

  /** The bridge's value wins a conflict: write {@code crmValue} back into the CRM field. */
  record WriteBack(String crmValue) implements InboundDecision {}

  /** Not acted on, with the reason (kept on the event's ledger row). */
  record Ignore(String reason) implements InboundDecision {}
}

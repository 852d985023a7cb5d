package io.switchboard.sync;

/**
 * The shape of a bridge field's canonical value (the string form the bridge keeps and transforms
 * start from).
 */
public enum ValueKind {
  /** Free text. */
  TEXT,
  /** A phone number in E.164, {@code +971501234567}. */
  PHONE,
  /** An e-mail address. */
  EMAIL,
  /** An absolute URL. */
  URL,
  /** A whole number, {@code 42}. */
  INTEGER,
  /**
   * A decimal number in plain notation, {@code 99.80} ({@link java.math.BigDecimal#toPlainString}).
   */
  DECIMAL,
  /** An instant in ISO-8601 UTC, {@code 2026-12-02T13:09:25Z}. */
  DATE_TIME,
  /** One of a fixed set of values ({@link BridgeField#values()}). */
  ENUM,
  /** Several values, comma separated, in a stable order. */
  MULTI
}

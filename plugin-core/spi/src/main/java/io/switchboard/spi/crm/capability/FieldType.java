package io.switchboard.spi.crm.capability;

/** The value type of a CRM field, as mappings and validation see it. Values travel as strings. */
public enum FieldType {
  TEXT,
  LONG_TEXT,
  /** A whole number. */
  INTEGER,
  /** A decimal number (amounts), written with a dot. */
  DECIMAL,
  BOOLEAN,
  /** ISO-8601 date. */
  DATE,
  /** ISO-8601 date and time with offset. */
  DATE_TIME,
  /** One of {@link FieldDescriptor#options()}. */
  ENUM,
  /** Several of {@link FieldDescriptor#options()}, comma separated. */
  MULTI_ENUM,
  EMAIL,
  PHONE,
  URL
}

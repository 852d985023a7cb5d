package io.switchboard.sandbox.whatsapp;

/**
 * A WhatsApp user id: the phone number in international format, digits only, as Meta writes it in
 * {@code wa_id}, {@code from} and {@code recipient_id}. Example: {@code WaId.of("+1 555 0100 123")}
 * is {@code 15550100123}.
 */
public record WaId(String digits) {

  /** Checks the canonical form: 7 to 15 digits (E.164 without the plus). */
  public WaId {
    if (digits == null || !digits.matches("[0-9]{7,15}")) {
      throw new IllegalArgumentException(
          "A WhatsApp id is a phone number of 7 to 15 digits, got '" + digits + "'");
    }
  }

  /** Accepts what people type: a leading +, spaces, dashes, dots and parentheses are dropped. */
  public static WaId of(String phone) {
    if (phone == null) {
      throw new IllegalArgumentException("A phone number is required");
    }
    String stripped = phone.trim().replaceFirst("^\\+", "").replaceAll("[\\s\\-().]", "");
    try {
      return new WaId(stripped);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a phone number in international format: '" + phone + "' (e.g. +1 555 0100 123)");
    }
  }

  @Override
  public String toString() {
    return digits;
  }
}

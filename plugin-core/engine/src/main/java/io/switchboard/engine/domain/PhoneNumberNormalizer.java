package io.switchboard.engine.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 with Google's libphonenumber (country rules, lengths and
 * prefixes are its job, not ours).
 */
public final class PhoneNumberNormalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumberNormalizer() {}

  /**
   * The E.164 form of a number given in international form, with or without the leading {@code +}
   * (WhatsApp gives {@code 16505551234}).
   *
   * @return empty when the text is not a possible international number
   */
  public static Optional<String> toE164(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String trimmed = raw.trim();
    String international = trimmed.startsWith("+") ? trimmed : "+" + trimmed;
    try {
      PhoneNumber number = UTIL.parse(international, "ZZ");
      if (!UTIL.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}

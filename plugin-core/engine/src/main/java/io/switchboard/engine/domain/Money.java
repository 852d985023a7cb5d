package io.switchboard.engine.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Rules for amounts: always a {@link BigDecimal} with an ISO 4217 currency code, never a double.
 * Amounts are stored with four decimals; they are shown with the currency's own number of decimals
 * (2 for AED, 0 for JPY, 3 for KWD) unless they carry more.
 */
public final class Money {
  private Money() {}

  /** The currency of an ISO 4217 code in upper case ({@code AED}), if it is one. */
  public static Optional<Currency> currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The currency's number of decimals (2 when it has no fixed one). */
  public static int decimals(String code) {
    int digits = currency(code).map(Currency::getDefaultFractionDigits).orElse(2);
    return digits < 0 ? 2 : digits;
  }

  /**
   * The amount with the currency's decimals, or more when it has more significant ones: {@code
   * 199.5000 AED} is {@code 199.50}, {@code 0.125 AED} stays {@code 0.125}.
   */
  public static BigDecimal exact(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return null;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.setScale(Math.max(decimals(currencyCode), Math.max(0, stripped.scale())));
  }
}

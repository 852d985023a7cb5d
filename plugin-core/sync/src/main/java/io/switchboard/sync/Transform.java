package io.switchboard.sync;

/**
 * How a value is shaped between its canonical bridge form and the CRM field. Every transform turns
 * a bridge value into a CRM value ({@link #toCrm}); those that can be undone also turn a CRM value
 * back ({@link #fromCrm}), which two-way and from-CRM mappings need ({@link #invertible()}).
 *
 * <p>{@code toCrm} never sees {@code null}: an empty bridge value is written as the mapping's
 * default (or clears the field) before any transform runs.
 */
public sealed interface Transform
    permits Transform.Identity,
        Transform.PhoneFormat,
        Transform.DateTimeFormat,
        Transform.EnumMap,
        Transform.NumberFormat,
        Transform.Truncate,
        Transform.Constant,
        Transform.TemplateString {

  /** The transform's name in mapping files: {@code none}, {@code phone}, {@code date-time}, ... */
  String type();

  /**
   * @param value the canonical bridge value, never {@code null}
   * @param context every bridge value of the same customer or conversation (templates and currency
   *     formats read other fields)
   * @return the value to write into the CRM field
   * @throws TransformException when the value cannot be shaped (an unparsable phone, say)
   */
  String toCrm(String value, BridgeValues context);

  /**
   * @param value the CRM field's value, never {@code null}
   * @return the canonical bridge value
   * @throws TransformException when the CRM value does not parse, or the transform cannot be undone
   */
  String fromCrm(String value);

  /** Whether {@link #fromCrm} can undo {@link #toCrm}. */
  boolean invertible();

  /** The value unchanged. */
  record Identity() implements Transform {
    @Override
    public String type() {
      return "none";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return value;
    }

    @Override
    public String fromCrm(String value) {
      return value;
    }

    @Override
    public boolean invertible() {
      return true;
    }
  }

  /**
   * A phone number (E.164 in the bridge) in the CRM's format, with libphonenumber.
   *
   * @param style E164 ({@code +971501234567}), INTERNATIONAL ({@code +971 50 123 4567}), NATIONAL
   *     ({@code 050 123 4567}) or RFC3966 ({@code tel:+971-50-123-4567})
   * @param defaultRegion ISO 3166 region for parsing numbers written without country code in the
   *     CRM, e.g. {@code AE}; may be {@code null} (then only international numbers parse)
   */
  record PhoneFormat(Style style, String defaultRegion) implements Transform {
    public enum Style {
      E164,
      INTERNATIONAL,
      NATIONAL,
      RFC3966
    }

    @Override
    public String type() {
      return "phone";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.phoneToCrm(this, value);
    }

    @Override
    public String fromCrm(String value) {
      return Transforms.phoneFromCrm(this, value);
    }

    @Override
    public boolean invertible() {
      return true;
    }
  }

  /**
   * An instant (ISO-8601 UTC in the bridge) as local date/time text in a zone.
   *
   * @param pattern a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd
   *     HH:mm:ss}; a date-only pattern writes the date in that zone
   * @param zone an IANA zone id, e.g. {@code Asia/Dubai}
   */
  record DateTimeFormat(String pattern, String zone) implements Transform {
    @Override
    public String type() {
      return "date-time";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.dateTimeToCrm(this, value);
    }

    @Override
    public String fromCrm(String value) {
      return Transforms.dateTimeFromCrm(this, value);
    }

    @Override
    public boolean invertible() {
      return true;
    }
  }

  /**
   * Bridge values to CRM values (e.g. {@code solved -> resolved}).
   *
   * @param values bridge value to CRM value; must be one-to-one to be undone
   * @param otherwise the CRM value for a bridge value not in the map, or {@code null} to refuse it
   */
  record EnumMap(java.util.Map<String, String> values, String otherwise) implements Transform {
    public EnumMap {
      values = values == null ? java.util.Map.of() : java.util.Map.copyOf(values);
    }

    @Override
    public String type() {
      return "enum";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.enumToCrm(this, value);
    }

    @Override
    public String fromCrm(String value) {
      return Transforms.enumFromCrm(this, value);
    }

    @Override
    public boolean invertible() {
      return Transforms.enumInvertible(this);
    }
  }

  /**
   * A decimal number rounded to a scale (half-even), optionally followed by the currency of {@link
   * BridgeField#LAST_ORDER_CURRENCY} ({@code 99.80 AED}).
   */
  record NumberFormat(int scale, boolean withCurrency) implements Transform {
    @Override
    public String type() {
      return "number";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.numberToCrm(this, value, context);
    }

    @Override
    public String fromCrm(String value) {
      return Transforms.numberFromCrm(this, value);
    }

    @Override
    public boolean invertible() {
      return true;
    }
  }

  /** Text cut to at most {@code maxLength} characters (code points, never half a character). */
  record Truncate(int maxLength) implements Transform {
    @Override
    public String type() {
      return "truncate";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.truncate(value, maxLength);
    }

    @Override
    public String fromCrm(String value) {
      return value;
    }

    @Override
    public boolean invertible() {
      return true;
    }
  }

  /** Always the same value, whatever the bridge field holds; to the CRM only. */
  record Constant(String value) implements Transform {
    @Override
    public String type() {
      return "constant";
    }

    @Override
    public String toCrm(String ignored, BridgeValues context) {
      return value;
    }

    @Override
    public String fromCrm(String value) {
      throw new TransformException("a constant cannot be read back from the CRM");
    }

    @Override
    public boolean invertible() {
      return false;
    }
  }

  /**
   * Text with bridge fields filled in by key, e.g. {@code {customer.name} ({customer.phone})}; an
   * empty field gives an empty string; a doubled brace {@code {{}} writes a literal one. To the CRM only.
   */
  record TemplateString(String template) implements Transform {
    @Override
    public String type() {
      return "template";
    }

    @Override
    public String toCrm(String value, BridgeValues context) {
      return Transforms.template(template, context);
    }

    @Override
    public String fromCrm(String value) {
      throw new TransformException("a template cannot be read back from the CRM");
    }

    @Override
    public boolean invertible() {
      return false;
    }
  }
}

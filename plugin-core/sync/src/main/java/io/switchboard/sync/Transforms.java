package io.switchboard.sync;

/** The work behind {@link Transform}'s records. */
final class Transforms {
  private Transforms() {}

  static String phoneToCrm(Transform.PhoneFormat t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String phoneFromCrm(Transform.PhoneFormat t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String dateTimeToCrm(Transform.DateTimeFormat t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String dateTimeFromCrm(Transform.DateTimeFormat t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String enumToCrm(Transform.EnumMap t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String enumFromCrm(Transform.EnumMap t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static boolean enumInvertible(Transform.EnumMap t) {
    throw new UnsupportedOperationException("TODO");
  }

  static String numberToCrm(Transform.NumberFormat t, String value, BridgeValues context) {
    throw new UnsupportedOperationException("TODO");
  }

  static String numberFromCrm(Transform.NumberFormat t, String value) {
    throw new UnsupportedOperationException("TODO");
  }

  static String truncate(String value, int maxLength) {
    throw new UnsupportedOperationException("TODO");
  }

  static String template(String template, BridgeValues context) {
    throw new UnsupportedOperationException("TODO");
  }
}

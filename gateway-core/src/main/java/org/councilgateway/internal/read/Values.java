package org.councilgateway.internal.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.councilgateway.internal.BoundedTree;

/**
 * Conversions of a value that know nothing of where it stands, shared by the plan's own fields
 * and a proposal's. Each answers {@code null} (or {@code -1}) rather than throwing, since a bad
 * value is an ordinary outcome that the caller reports in its own words and at its own place.
 */
final class Values {
  private Values() {}

  /** Whether a field is left out: {@code null} is how a plan says so explicitly. */
  static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  /** How a value is quoted back to the user in a message. */
  static String show(JsonNode node) {
    return BoundedTree.shown(node, "an object");
  }

  /** @return the date {@code text} spells as yyyy-MM-dd, or null when it spells none */
  static LocalDate date(String text) {
    // yyyy-MM-dd exactly; read by hand, as a plan of thousands of proposals has thousands of dates.
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** @return the number the ASCII digits from {@code from} to {@code to} spell, or -1 if any is not a digit */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** @return the constant named exactly {@code text}, or null: codes are case-sensitive */
  static <E extends Enum<E>> E constant(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    return null;
  }

  /** The codes a message offers; built only when a message is. */
  static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Whether a number has no fraction, however many zeros it is written with after the point. */
  static boolean isWhole(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }
}

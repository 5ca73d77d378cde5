package org.councilgateway.cli;

import java.time.Duration;
import java.util.Arrays;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.councilgateway.Limits;
import picocli.CommandLine;

/** Reads {@code --limit NAME=VALUE}: each of {@link Limits}, by its name, to a positive value. */
final class LimitOption {
  private static final Map<String, BiFunction<Limits, String, Limits>> SETTERS = new LinkedHashMap<>();

  static {
    SETTERS.put("planBytes", (l, v) -> l.withPlanBytes(whole(v)));
    SETTERS.put("numberDigits", (l, v) -> l.withNumberDigits(toInt(v)));
    SETTERS.put("numberScale", (l, v) -> l.withNumberScale(toInt(v)));
    SETTERS.put("ruleFileBytes", (l, v) -> l.withRuleFileBytes(whole(v)));
    SETTERS.put("factsPerSession", (l, v) -> l.withFacts(whole(v), l.factsPerProposal()));
    SETTERS.put("factsPerProposal", (l, v) -> l.withFacts(l.factsPerSession(), wholeOrZero(v)));
    SETTERS.put("findingsPerPlan", (l, v) -> l.withFindings(whole(v), l.findingsPerProposal()));
    SETTERS.put("findingsPerProposal", (l, v) -> l.withFindings(l.findingsPerPlan(), wholeOrZero(v)));
    SETTERS.put("textChars", (l, v) -> l.withTextChars(toInt(v)));
    SETTERS.put("assessmentTime", (l, v) -> l.withAssessmentTime(duration(v)));
    SETTERS.put("sheetRows", (l, v) -> l.withSheetRows(toInt(v)));
  }

  private LimitOption() {}

  /**
   * Sets one limit.
   *
   * @param limits the limits so far
   * @param name the limit's name
   * @param value its value as typed
   * @param line the command line, for the error
   * @return the limits with that one changed
   * @throws CommandLine.ParameterException naming the fault, for an unknown name or a bad value
   */
  static Limits apply(Limits limits, String name, String value, CommandLine line) {
    BiFunction<Limits, String, Limits> setter = SETTERS.get(name);
    if (setter == null) {
      throw new CommandLine.ParameterException(line, "There is no limit called '" + name + "'; the limits are "
          + String.join(", ", SETTERS.keySet()) + ".");
    }
    try {
      return setter.apply(limits, value.strip().replace("_", "").replace(",", ""));
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new CommandLine.ParameterException(line, "The limit " + name + " must be "
          + (name.equals("assessmentTime") ? "a positive time such as 90s, 10m or 1h"
              : name.endsWith("PerProposal") ? "a whole number, 0 or more" : "a positive whole number")
          + ", not '" + value + "'.");
    }
  }

  /** The limits and their values, for the help. */
  static String describe(Limits limits) {
    // The limits are the record's components, by name: the same names --limit takes.
    return Arrays.stream(Limits.class.getRecordComponents()).map(component -> {
      Object value;
      try {
        value = component.getAccessor().invoke(limits);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Limits." + component.getName() + " cannot be read", e);
      }
      return component.getName() + "=" + (value instanceof Duration time ? time.toSeconds() + "s" : value);
    }).collect(Collectors.joining(", "));
  }

  private static long whole(String value) {
    long parsed = wholeOrZero(value);
    if (parsed == 0) {
      throw new IllegalArgumentException(value);
    }
    return parsed;
  }

  private static long wholeOrZero(String value) {
    long parsed = Long.parseLong(value);
    if (parsed < 0) {
      throw new IllegalArgumentException(value);
    }
    return parsed;
  }

  private static int toInt(String value) {
    return Math.toIntExact(whole(value));
  }

  private static Duration duration(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    if (text.startsWith("pt")) {
      return Duration.parse(text);
    }
    char unit = text.isEmpty() ? 's' : text.charAt(text.length() - 1);
    String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
    long amount = whole(number);
    return switch (unit) {
      case 'h' -> Duration.ofHours(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 's' -> Duration.ofSeconds(amount);
      default -> {
        if (Character.isDigit(unit)) {
          yield Duration.ofSeconds(amount);
        }
        throw new IllegalArgumentException(value);
      }
    };
  }
}

package org.councilgateway.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A council's own values: the local fields a proposal carries under {@code local}, or the local
 * settings of the reference data, each declared in the reference data ({@code localFields},
 * {@code localSettings}) with a name and a type. A rule reads them by name, with the reader for
 * the declared type:
 *
 * <pre>
 * $p : Proposal( local().flag("marketImpactAssessed") == false )
 * Proposal( annualValue &gt; $s.local().number("largeDecommissioningValue") )
 * </pre>
 *
 * <p>Each value is a {@link Boolean} (type {@code boolean}), a {@link Long} ({@code number}), a
 * {@link String} ({@code text}), a {@link LocalDate} ({@code date}) or a list of codes
 * ({@code codes}). A value that is not given is absent: {@link #flag} answers false for it, as
 * for every absent yes-or-no field, {@link #codes} an empty list, and the other readers null.
 *
 * @param values the values by name, in their given order
 */
public record LocalValues(Map<String, Object> values) {

  /** No values. */
  public static final LocalValues EMPTY = new LocalValues(Map.of());

  /**
   * Checks each value's kind and copies the map, keeping its order.
   *
   * @param values the values by name, in their given order
   */
  public LocalValues {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, name);
      if (value instanceof List<?> list) {
        value = List.copyOf(list.stream().map(item -> (String) Objects.requireNonNull(item, name)).toList());
      } else if (!(value instanceof Boolean || value instanceof Long || value instanceof String
          || value instanceof LocalDate)) {
        throw new IllegalArgumentException("The local value " + name + " must be a Boolean, Long, String, LocalDate"
            + " or list of codes, but is a " + value.getClass().getSimpleName() + ".");
      }
      copy.put(name, value);
    });
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * Whether a value is given.
   *
   * @param name the local field or setting
   * @return true when it is given
   */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * The names of the values given, in their order.
   *
   * @return the names
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * A yes-or-no value.
   *
   * @param name a local field or setting of type {@code boolean}
   * @return its value; false when it is not given, or not a yes-or-no value
   */
  public boolean flag(String name) {
    return values.get(name) instanceof Boolean b && b;
  }

  /**
   * A whole number.
   *
   * @param name a local field or setting of type {@code number}
   * @return its value, or null when it is not given, or not a number
   */
  public Long number(String name) {
    return values.get(name) instanceof Long n ? n : null;
  }

  /**
   * A text.
   *
   * @param name a local field or setting of type {@code text}
   * @return its value, or null when it is not given, or not a text
   */
  public String text(String name) {
    return values.get(name) instanceof String s ? s : null;
  }

  /**
   * A date.
   *
   * @param name a local field or setting of type {@code date}
   * @return its value, or null when it is not given, or not a date
   */
  public LocalDate date(String name) {
    return values.get(name) instanceof LocalDate d ? d : null;
  }

  /**
   * A list of codes.
   *
   * @param name a local field or setting of type {@code codes}
   * @return its codes, in their order; empty when it is not given, or not a list
   */
  @SuppressWarnings("unchecked")
  public List<String> codes(String name) {
    return values.get(name) instanceof List<?> list ? (List<String>) list : List.of();
  }
}

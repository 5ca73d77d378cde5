package org.councilgateway.facts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A council's own field or setting, declared in the reference data: under {@code localFields} a
 * field that proposals may carry under {@code local}, under {@code localSettings} a local policy
 * number (or other value) that {@code settings} then gives. Rules read them with
 * {@link org.councilgateway.model.LocalValues}.
 *
 * @param name its name: a letter, then letters and digits, such as {@code marketImpactAssessed}
 * @param type the kind of value it holds
 * @param description what it means, in plain English
 * @param values for type {@code codes}, the codes it may hold; empty for any code
 */
public record LocalField(String name, Type type, String description, List<String> values) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  /** The kinds of value a local field or setting holds. */
  public enum Type {
    /** Yes or no: {@code true} or {@code false}. */
    BOOLEAN,
    /** A whole number. */
    NUMBER,
    /** A text. */
    TEXT,
    /** A date, written yyyy-MM-dd. */
    DATE,
    /** A list of codes (capitals, digits and underscores). */
    CODES;

    /**
     * The type's name as the reference data writes it.
     *
     * @return such as {@code boolean}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the values and copies the list.
   *
   * @param name its name
   * @param type the kind of value it holds
   * @param description what it means
   * @param values for type {@code codes}, the codes it may hold; empty for any code
   */
  public LocalField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!isName(name)) {
      throw new IllegalArgumentException("A local field's name is a letter, then letters and digits: " + name);
    }
    values = values == null ? List.of() : List.copyOf(values);
  }

  /**
   * Whether a text can name a local field or setting: a letter, then up to 63 letters and digits.
   *
   * @param name the text
   * @return true when it can
   */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}

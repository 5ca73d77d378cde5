package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.Values.absent;
import static org.councilgateway.internal.read.Values.show;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.councilgateway.InputError;
import org.councilgateway.internal.BoundedTree;

/**
 * The checked reads of one proposal's fields, and the errors they find. Every kind of value (a
 * text, a code, a whole number, a date, a list, an object) is read here once, whichever object
 * holds it, so that a kind of value is accepted and refused in the same words everywhere in the
 * format. A read never throws: it reports against the field's JSON pointer and answers
 * {@code null}, an empty list or {@code false}, so that one proposal's every problem is found.
 *
 * <p>Paths are relative to the proposal ({@code ""} for its own fields); the pointer of an error
 * is put together only when there is one, since these reads run for every field of every
 * proposal of a plan.
 */
final class Fields {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final int index;
  private final String base;
  private final List<InputError> errors = new ArrayList<>();
  private final Cells cells;
  private String id;

  /**
   * @param index the proposal's place in the plan, by which errors are sorted
   * @param base the proposal's JSON pointer in the document
   */
  Fields(int index, String base) {
    this(index, base, null);
  }

  /**
   * @param index the proposal's place in the plan, by which errors are sorted
   * @param base the proposal's JSON pointer in the document
   * @param cells where each field stands in a spreadsheet, or null for a JSON or YAML document
   */
  Fields(int index, String base, Cells cells) {
    this.index = index;
    this.base = base;
    this.cells = cells;
  }

  /** Where a proposal read from a spreadsheet row has its fields, and which of them are already refused. */
  interface Cells {
    /**
     * @param path a field's path in the proposal, such as {@code /provider/name}
     * @return the cell that holds it, as the spreadsheet shows it, such as {@code Proposals!E7}
     */
    String locate(String path);

    /**
     * @param path a field's path in the proposal
     * @return whether the cell that holds it was refused already (a formula with no value, a date
     *     in a text column), so that nothing more is said of it
     */
    boolean refused(String path);
  }

  /** Names the proposal in every error from now on; set as soon as its id is known to be usable. */
  void identify(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  List<InputError> errors() {
    return errors;
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  void error(String path, String message) {
    if (cells == null) {
      errors.add(new InputError(index, id, base + path, message));
    } else if (!cells.refused(path)) {
      errors.add(new InputError(index, id, base + path, message, cells.locate(path)));
    }
  }

  /** Reports a cell the spreadsheet reader refused, once the proposal's id is known. */
  void cellError(String path, String message) {
    errors.add(new InputError(index, id, base + path, message, cells.locate(path)));
  }

  /**
   * Reports a number the tree refused, against the field that holds it.
   *
   * @return whether the value is such a number
   */
  boolean faulty(JsonNode value, String path, String field) {
    BoundedTree.Fault fault = BoundedTree.fault(value);
    if (fault != null) {
      // The pointer is put together only for a fault: this runs for every field of every proposal.
      error(path + "/" + field, fault.sentence(field));
    }
    return fault != null;
  }

  /**
   * Reports a number the tree refused as an entry of a list.
   *
   * @return whether the entry is such a number
   */
  boolean faultyEntry(JsonNode item, String path, String field, int index) {
    BoundedTree.Fault fault = BoundedTree.fault(item);
    if (fault != null) {
      error(path + "/" + field + "/" + index, fault.sentence("Entry " + index + " of " + field));
    }
    return fault != null;
  }

  /** Reports every field of {@code node} that {@code known} lacks, as the format is closed. */
  void unknown(JsonNode node, String path, Set<String> known, String what) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        error(path + "/" + escape(name), "Unknown field \"" + name + "\": the " + what + " format does not define it.");
      }
    }
  }

  /** A field's name as one step of a JSON pointer (RFC 6901), as any name may stand in a document. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * @return the field's value, or null when it is left out or is a number the tree refused, which
   *     is then reported
   */
  private JsonNode present(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    return absent(value) || faulty(value, path, field) ? null : value;
  }

  /**
   * @return the field's value when it is there and a {@code kind}, else null; a value of another
   *     kind is reported as not {@code expected}
   */
  private JsonNode present(JsonNode node, String path, String field, JsonNodeType kind, String expected) {
    JsonNode value = present(node, path, field);
    if (value != null && value.getNodeType() != kind) {
      refuse(path, field, expected, value);
      return null;
    }
    return value;
  }

  /** Reports a value of the wrong kind; callers build {@code expected} only when there is one. */
  private void refuse(String path, String field, String expected, JsonNode value) {
    error(path + "/" + field, label(path, field) + " must be " + expected + ", but was " + show(value) + ".");
  }

  /** A field as messages name it: a local field as {@code local.NAME}, as its spreadsheet column is headed. */
  private static String label(String path, String field) {
    return path.endsWith("/local") ? "local." + field : field;
  }

  /** Reports a list entry of the wrong kind, as {@link #refuse} does a field. */
  private void refuseEntry(String field, int index, String expected, JsonNode item) {
    error("/" + field + "/" + index, "Each entry of " + field + " must be " + expected + ", but this is " + show(item) + ".");
  }

  String requiredText(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (absent(value)) {
      error(path + "/" + field, field + " is required.");
      return null;
    }
    return faulty(value, path, field) ? null : text(value, path, field);
  }

  String optionalText(JsonNode node, String path, String field) {
    JsonNode value = present(node, path, field);
    return value == null ? null : text(value, path, field);
  }

  /**
   * An optional text that may be empty or blank (which the rules then take for none), or null.
   */
  String optionalAnyText(JsonNode node, String path, String field) {
    JsonNode value = present(node, path, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      refuse(path, field, "a text", value);
      return null;
    }
    return value.asText();
  }

  private String text(JsonNode value, String path, String field) {
    if (!value.isTextual() || value.asText().isBlank()) {
      refuse(path, field, "a non-empty text", value);
      return null;
    }
    return value.asText();
  }

  <E extends Enum<E>> E enumValue(JsonNode node, String path, String field, Class<E> type, boolean required) {
    JsonNode value = node.get(field);
    if (absent(value)) {
      if (required) {
        error(path + "/" + field, field + " is required: one of " + Values.names(type) + ".");
      }
      return null;
    }
    if (faulty(value, path, field)) {
      return null;
    }
    E parsed = value.isTextual() ? Values.constant(type, value.asText()) : null;
    if (parsed == null) {
      refuse(path, field, "one of " + Values.names(type), value);
    }
    return parsed;
  }

  /** @return the value when it is a whole number from 0 to {@code maximum}, else null */
  Long whole(JsonNode node, String path, String field, long maximum) {
    JsonNode value = present(node, path, field);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      if (number.signum() >= 0 && Values.isWhole(number) && number.compareTo(BigDecimal.valueOf(maximum)) <= 0) {
        return number.longValueExact();
      }
    }
    refuse(path, field, "a whole number of at least 0" + (maximum < Long.MAX_VALUE ? " and at most " + maximum : ""), value);
    return null;
  }

  /** @return the value when it is a number above 0 and at most 100, else null */
  BigDecimal percent(JsonNode node, String path, String field) {
    JsonNode value = present(node, path, field);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      if (number.signum() > 0 && number.compareTo(HUNDRED) <= 0) {
        return number;
      }
    }
    refuse(path, field, "a number above 0 and at most 100", value);
    return null;
  }

  LocalDate date(JsonNode node, String path, String field, boolean required) {
    JsonNode value = node.get(field);
    if (absent(value)) {
      if (required) {
        error(path + "/" + field, field + " is required: a date in the form yyyy-MM-dd.");
      }
      return null;
    }
    if (faulty(value, path, field)) {
      return null;
    }
    LocalDate parsed = value.isTextual() ? Values.date(value.asText()) : null;
    if (parsed == null) {
      refuse(path, field, "a date in the form yyyy-MM-dd", value);
    }
    return parsed;
  }

  /** @return the value, or false when it is left out or not a boolean */
  boolean bool(JsonNode node, String path, String field) {
    JsonNode value = present(node, path, field, JsonNodeType.BOOLEAN, "true or false");
    return value != null && value.asBoolean();
  }

  /** @return the list at {@code path}/{@code field}, or null when it is left out or not a list */
  JsonNode list(JsonNode node, String path, String field) {
    return present(node, path, field, JsonNodeType.ARRAY, "a list");
  }

  /** @return the non-empty texts of a list of the proposal's own, in order; each other entry is an error */
  List<String> texts(JsonNode node, String field) {
    JsonNode list = list(node, "", field);
    if (list == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (item.isTextual() && !item.asText().isBlank()) {
        values.add(item.asText());
      } else if (!faultyEntry(item, "", field, i)) {
        refuseEntry(field, i, "a non-empty text", item);
      }
    }
    return values;
  }

  /**
   * @param allowed the codes the list may hold; empty for any
   * @return the non-empty texts of a list at {@code path}/{@code field}, in order, or null when it is
   *     left out or not a list; each other entry, and each not allowed, is an error
   */
  List<String> codes(JsonNode node, String path, String field, List<String> allowed) {
    JsonNode list = list(node, path, field);
    if (list == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String entry = "Entry " + i + " of " + label(path, field);
      if (BoundedTree.fault(item) != null) {
        error(path + "/" + field + "/" + i, BoundedTree.fault(item).sentence(entry));
      } else if (!item.isTextual() || item.asText().isBlank()) {
        error(path + "/" + field + "/" + i, entry + " must be a code, but was " + show(item) + ".");
      } else if (!allowed.isEmpty() && !allowed.contains(item.asText())) {
        error(path + "/" + field + "/" + i, entry + " must be one of " + String.join(", ", allowed)
            + ", but was " + show(item) + ".");
      } else if (!values.contains(item.asText())) {
        values.add(item.asText());
      }
    }
    return values;
  }

  /** @return the codes of a list of the proposal's own, in order; each other entry is an error */
  <E extends Enum<E>> List<E> enums(JsonNode node, String field, Class<E> type) {
    JsonNode list = list(node, "", field);
    if (list == null) {
      return List.of();
    }
    List<E> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      E parsed = item.isTextual() ? Values.constant(type, item.asText()) : null;
      if (faultyEntry(item, "", field, i)) {
        continue;
      }
      if (parsed == null) {
        refuseEntry(field, i, "one of " + Values.names(type), item);
      } else {
        values.add(parsed);
      }
    }
    return values;
  }

  /** Reads one nested object, given its node and its path, reporting into the same errors. */
  interface ObjectRead<T> {
    T read(JsonNode node, String path);
  }

  /** @return what {@code read} makes of the object, or null when it is left out or not an object */
  <T> T object(JsonNode node, String path, String field, ObjectRead<T> read) {
    JsonNode value = present(node, path, field, JsonNodeType.OBJECT, "an object");
    return value == null ? null : read.read(value, path + "/" + field);
  }

  /** @return what {@code read} makes of each object of a list of the proposal's own, leaving out what it refuses */
  <T> List<T> objects(JsonNode node, String field, ObjectRead<T> read) {
    JsonNode list = list(node, "", field);
    if (list == null) {
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (faultyEntry(item, "", field, i)) {
        continue;
      }
      if (!item.isObject()) {
        refuseEntry(field, i, "an object", item);
        continue;
      }
      T value = read.read(item, "/" + field + "/" + i);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }
}

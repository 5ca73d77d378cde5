package org.councilgateway.assessment;

import java.util.List;
import java.util.Objects;

/**
 * How one proposal's outcome differs from an earlier assessment of it (since the last meeting, or
 * under other rules).
 *
 * @param status whether the proposal is new, changed or unchanged
 * @param fields of the classification, route, key decision and EIA level, each that changed, in that
 *     order; empty for a new proposal
 * @param added the findings that appear, each as {@code CODE}, {@code CODE:TARGET} or, for a finding
 *     across the plan, {@code CODE:ID1,ID2,...}, sorted; every finding for a new proposal
 * @param removed the findings that disappear, in the same form, sorted
 */
public record Change(Status status, List<Field> fields, List<String> added, List<String> removed) {

  /** Whether a proposal is new, changed or unchanged since the earlier assessment. */
  public enum Status {
    /** Not in the earlier assessment. */
    NEW,
    /** In the earlier assessment, with a field, an added or a removed finding that differs. */
    CHANGED,
    /** In the earlier assessment with the same outcome. */
    UNCHANGED
  }

  /**
   * A field whose value changed.
   *
   * @param name {@code classification}, {@code route}, {@code keyDecision} or {@code eia.level}
   * @param before the earlier value: a code, or a Boolean for {@code keyDecision}
   * @param after the value now, of the same type
   */
  public record Field(String name, Object before, Object after) {

    /**
     * Checks the values.
     *
     * @param name the field's name
     * @param before the earlier value
     * @param after the value now
     */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  /**
   * Checks the values and copies the lists.
   *
   * @param status whether the proposal is new, changed or unchanged
   * @param fields each field that changed
   * @param added the findings that appear, sorted
   * @param removed the findings that disappear, sorted
   */
  public Change {
    Objects.requireNonNull(status, "status");
    fields = List.copyOf(fields);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }
}

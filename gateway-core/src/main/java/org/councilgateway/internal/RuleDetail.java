package org.councilgateway.internal;

import java.util.Objects;

/**
 * What the catalogue needs to know of a rule beyond its {@link org.councilgateway.RuleInfo}: whether
 * it is a helper, and the text of its conditions and actions, to tell whether a rule has changed.
 * The rule set stage works it out when it parses the rules; the writing stage reads it.
 *
 * @param helper whether it is a helper rule: its actions record no finding (they call no method of
 *     {@code findings}) and insert, change or delete facts, for other rules to match
 * @param conditions the text of its conditions (between {@code when} and {@code then}), each run of
 *     spaces and line breaks as one space; empty when the parser does not say where they are
 * @param actions the text of its actions (between {@code then} and {@code end}), spaced the same way
 * @param attributes its attributes (such as {@code salience 10}), in name order, spaced the same way
 */
public record RuleDetail(boolean helper, String conditions, String actions, String attributes) {
  /**
   * Checks the values.
   *
   * @param helper whether it is a helper rule
   * @param conditions the text of its conditions
   * @param actions the text of its actions
   * @param attributes its attributes
   */
  public RuleDetail {
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(attributes, "attributes");
  }

  /** A rule whose text is not known: not a helper, and nothing to compare. */
  public static final RuleDetail UNKNOWN = new RuleDetail(false, "", "", "");
}

package org.councilgateway.assessment;

import java.util.Objects;

/**
 * A rule that fired for a proposal.
 *
 * @param ruleId the rule's id
 * @param rule the rule's name
 * @param source the policy source it cites
 */
public record TraceEntry(String ruleId, String rule, String source) {

  /**
   * Checks the values.
   *
   * @param ruleId the rule's id
   * @param rule the rule's name
   * @param source the policy source it cites
   */
  public TraceEntry {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
  }
}

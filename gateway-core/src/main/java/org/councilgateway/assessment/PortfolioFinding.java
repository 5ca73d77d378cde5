package org.councilgateway.assessment;

import java.util.List;
import java.util.Objects;

/**
 * Something a rule found across the forward plan: an overlap, a shared provider, a cumulative cut.
 *
 * @param id its id in the plan's output, {@code PF-0001} onwards in output order
 * @param code the stable code, as listed in docs/policy.md
 * @param proposalIds every proposal it involves, sorted
 * @param ruleId the id of the rule that found it
 * @param source the policy source the rule cites
 * @param message one sentence saying why
 */
public record PortfolioFinding(
    String id, String code, List<String> proposalIds, String ruleId, String source, String message) {

  /**
   * Checks the values and copies the list.
   *
   * @param id its id in the plan's output, {@code PF-0001} onwards in output order
   * @param code the stable code, as listed in docs/policy.md
   * @param proposalIds every proposal it involves, sorted
   * @param ruleId the id of the rule that found it
   * @param source the policy source the rule cites
   * @param message one sentence saying why
   */
  public PortfolioFinding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    proposalIds = List.copyOf(proposalIds);
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }
}

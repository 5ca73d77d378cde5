package org.councilgateway.assessment;

import org.councilgateway.InputError;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer for a whole forward plan.
 *
 * @param ruleSetVersion the version of the rule set that answered, {@code sha256:} and a hex digest
 * @param asOf the assessment date
 * @param assessments one per valid proposal, in input order
 * @param portfolio the findings across the plan
 * @param errors the problems that stopped proposals being assessed
 */
public record PlanAssessment(
    String ruleSetVersion,
    LocalDate asOf,
    List<Assessment> assessments,
    List<PortfolioFinding> portfolio,
    List<InputError> errors) {

  /**
   * Checks the values and copies the lists.
   *
   * @param ruleSetVersion the version of the rule set that answered, {@code sha256:} and a hex digest
   * @param asOf the assessment date
   * @param assessments one per valid proposal, in input order
   * @param portfolio the findings across the plan
   * @param errors the problems that stopped proposals being assessed
   */
  public PlanAssessment {
    Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
    Objects.requireNonNull(asOf, "asOf");
    assessments = List.copyOf(assessments);
    portfolio = List.copyOf(portfolio);
    errors = List.copyOf(errors);
  }
}

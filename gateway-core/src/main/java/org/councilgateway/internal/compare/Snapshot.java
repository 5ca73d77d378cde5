package org.councilgateway.internal.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilgateway.InputError;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;

/**
 * An assessment reduced to what changes are measured on.
 *
 * @param asOf the assessment date
 * @param ruleSetVersion the rule set's version
 * @param outcomes each assessed proposal's outcome, by id in input order
 * @param notAssessed the ids of proposals the plan holds but could not assess (invalid ones)
 * @param portfolio the findings across the plan, as keys, in output order
 */
record Snapshot(LocalDate asOf, String ruleSetVersion, Map<String, Outcome> outcomes, Set<String> notAssessed,
    List<String> portfolio) {

  static Snapshot of(PlanAssessment result) {
    Set<String> invalid = new LinkedHashSet<>();
    for (InputError e : result.errors()) {
      if (e.proposalId() != null) {
        invalid.add(e.proposalId());
      }
    }
    List<String> portfolio = new ArrayList<>();
    for (PortfolioFinding p : result.portfolio()) {
      portfolio.add(Outcome.portfolioKey(p.code(), p.proposalIds()));
    }
    return new Snapshot(result.asOf(), result.ruleSetVersion(), Outcome.of(result), invalid, portfolio);
  }

  /** Whether the plan holds a proposal with this id, assessed or not. */
  boolean holds(String proposalId) {
    return outcomes.containsKey(proposalId) || notAssessed.contains(proposalId);
  }
}

package org.councilgateway.internal.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.assessment.Warning;

/**
 * What a change in one proposal's assessment is measured on.
 *
 * @param proposalId the proposal's id
 * @param classification the classification's code
 * @param route the route's code
 * @param keyDecision whether it is a key decision
 * @param eiaLevel the EIA level's code
 * @param findings its impacts, EIA actions, challenges, warnings and findings across the plan, each
 *     as a key ({@code CODE}, {@code CODE:TARGET} or {@code CODE:ID1,ID2,...}), sorted and distinct
 */
record Outcome(String proposalId, String classification, String route, boolean keyDecision, String eiaLevel,
    List<String> findings) {

  Outcome {
    findings = List.copyOf(new TreeSet<>(findings));
  }

  /** The key of a finding with an optional target. */
  static String key(String code, String target) {
    return target == null ? code : code + ':' + target;
  }

  /** The key of a finding across the plan. */
  static String portfolioKey(String code, List<String> proposalIds) {
    return code + ':' + String.join(",", proposalIds);
  }

  /** Every assessment's outcome, by proposal id in input order. */
  static Map<String, Outcome> of(PlanAssessment result) {
    Map<String, PortfolioFinding> portfolio = new LinkedHashMap<>();
    for (PortfolioFinding p : result.portfolio()) {
      portfolio.put(p.id(), p);
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Assessment a : result.assessments()) {
      List<String> findings = new ArrayList<>();
      for (List<Finding> list : List.of(a.impacts(), a.eia().actions(), a.challenges())) {
        for (Finding f : list) {
          findings.add(key(f.code(), f.target()));
        }
      }
      for (Warning w : a.warnings()) {
        findings.add(key(w.code(), w.target()));
      }
      for (PortfolioRef ref : a.portfolio()) {
        PortfolioFinding p = portfolio.get(ref.id());
        findings.add(p == null ? ref.code() : portfolioKey(p.code(), p.proposalIds()));
      }
      outcomes.put(a.proposalId(), new Outcome(a.proposalId(), a.classification().name(), a.route().name(),
          a.keyDecision(), a.eia().level().name(), findings));
    }
    return outcomes;
  }
}

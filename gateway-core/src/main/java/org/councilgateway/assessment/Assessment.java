package org.councilgateway.assessment;

import java.time.LocalDate;
import org.councilgateway.model.Proposal;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer for one proposal.
 *
 * @param proposal the proposal assessed, as it was read
 * @param classification single-directorate or council-wide
 * @param scopeReasons every scope reason that holds, each with the rule that found it and its sentence,
 *     in the policy's order (docs/policy.md); empty when single-directorate
 * @param route where it goes for challenge
 * @param keyDecisionReason why it is a key decision (code {@code KEY_DECISION}, the rule and its
 *     sentence), or null when it is not one
 * @param impacts its cross-cutting impacts
 * @param eia its equality impact assessment requirements
 * @param challenges the gateway challenge points it does not yet answer
 * @param gate whether it is ready for the gate stage it is at, or null when it gives no stage
 * @param portfolio references to the portfolio findings that involve it
 * @param warnings problems with its data that did not stop the assessment
 * @param trace every rule that fired for it, by rule id
 * @param ruleSetVersion the version of the rule set that answered (see {@code RuleSet.version()})
 * @param asOf the date it was assessed as of
 */
public record Assessment(
    Proposal proposal,
    Classification classification,
    List<Finding> scopeReasons,
    Route route,
    Finding keyDecisionReason,
    List<Finding> impacts,
    EiaOutcome eia,
    List<Finding> challenges,
    Gate gate,
    List<PortfolioRef> portfolio,
    List<Warning> warnings,
    List<TraceEntry> trace,
    String ruleSetVersion,
    LocalDate asOf) {

  /**
   * Checks the values and copies the lists.
   *
   * @param proposal the proposal assessed, as it was read
   * @param classification single-directorate or council-wide
   * @param scopeReasons every scope reason that holds, each with the rule that found it and its sentence, in the policy's order (docs/policy.md); empty when single-directorate
   * @param route where it goes for challenge
   * @param keyDecisionReason why it is a key decision (code {@code KEY_DECISION}, the rule and its sentence), or null when it is not one
   * @param impacts its cross-cutting impacts
   * @param eia its equality impact assessment requirements
   * @param challenges the gateway challenge points it does not yet answer
   * @param gate whether it is ready for the gate stage it is at, or null when it gives no stage
   * @param portfolio references to the portfolio findings that involve it
   * @param warnings problems with its data that did not stop the assessment
   * @param trace every rule that fired for it, by rule id
   * @param ruleSetVersion the version of the rule set that answered (see {@code RuleSet.version()})
   * @param asOf the date it was assessed as of
   */
  public Assessment {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(classification, "classification");
    scopeReasons = List.copyOf(scopeReasons);
    Objects.requireNonNull(route, "route");
    impacts = List.copyOf(impacts);
    Objects.requireNonNull(eia, "eia");
    challenges = List.copyOf(challenges);
    portfolio = List.copyOf(portfolio);
    warnings = List.copyOf(warnings);
    trace = List.copyOf(trace);
    Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
    Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * The codes of {@link #scopeReasons()}, as the JSON report lists them.
   *
   * @return the scope reason codes, in order
   */
  public List<String> scopeReasonCodes() {
    return scopeReasons.stream().map(Finding::code).toList();
  }

  /**
   * The proposal's id.
   *
   * @return the id
   */
  public String proposalId() {
    return proposal.id();
  }

  /**
   * Tells whether it is a key decision.
   *
   * @return true when a rule found it one ({@link #keyDecisionReason()} says why)
   */
  public boolean keyDecision() {
    return keyDecisionReason != null;
  }
}

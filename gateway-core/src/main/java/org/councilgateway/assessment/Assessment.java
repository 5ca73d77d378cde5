package org.councilgateway.assessment;

import org.councilgateway.Warning;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer for one proposal.
 *
 * @param proposalId the proposal's id
 * @param classification single-directorate or council-wide
 * @param scopeReasons every scope reason that holds, in POLICY.md's order; empty when single-directorate
 * @param route where it goes for challenge
 * @param keyDecision whether it is a key decision
 * @param impacts its cross-cutting impacts
 * @param eia its equality impact assessment requirements
 * @param challenges the gateway challenge points it does not yet answer
 * @param portfolio references to the portfolio findings that involve it
 * @param warnings problems with its data that did not stop the assessment
 * @param trace every rule that fired for it, by rule id
 */
public record Assessment(
    String proposalId,
    Classification classification,
    List<String> scopeReasons,
    Route route,
    boolean keyDecision,
    List<Finding> impacts,
    EiaOutcome eia,
    List<Finding> challenges,
    List<PortfolioRef> portfolio,
    List<Warning> warnings,
    List<TraceEntry> trace) {

  /** Checks the values and copies the lists. */
  public Assessment {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(classification, "classification");
    scopeReasons = List.copyOf(scopeReasons);
    Objects.requireNonNull(route, "route");
    impacts = List.copyOf(impacts);
    Objects.requireNonNull(eia, "eia");
    challenges = List.copyOf(challenges);
    portfolio = List.copyOf(portfolio);
    warnings = List.copyOf(warnings);
    trace = List.copyOf(trace);
  }
}

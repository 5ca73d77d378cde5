package org.councilgateway.facts;

import java.util.Collection;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.model.Proposal;

/**
 * Where rules record what they find: the global {@code findings} in every rule file. Each call is
 * attributed to the rule firing, whose {@code @id} and {@code @source} the finding carries. A
 * repeated (code, target) for the same proposal is recorded once.
 */
public interface Findings {

  /**
   * Records a scope reason: the proposal is council-wide because of it.
   *
   * @param proposal the proposal
   * @param code the reason's code, such as {@code SCOPE_SHARED_FUNDING}
   * @param message why, in one sentence
   */
  void scope(Proposal proposal, String code, String message);

  /**
   * Records that the proposal is a key decision.
   *
   * @param proposal the proposal
   * @param message why, in one sentence
   */
  void keyDecision(Proposal proposal, String message);

  /**
   * Records a cross-cutting impact.
   *
   * @param proposal the proposal
   * @param code the impact's code, such as {@code CROSS_DIRECTORATE_IMPACT}
   * @param target what it affects
   * @param message why, in one sentence
   */
  void impact(Proposal proposal, String code, String target, String message);

  /**
   * Records a reason an equality impact assessment is required.
   *
   * @param proposal the proposal
   * @param code the reason's code, such as {@code EIA_DECOMMISSIONING}
   * @param kind the kind of assessment it requires
   * @param level the level it requires
   * @param message why, in one sentence
   */
  void eiaReason(Proposal proposal, String code, EiaKind kind, EiaLevel level, String message);

  /**
   * Records protected characteristics the proposal's client groups engage.
   *
   * @param proposal the proposal
   * @param characteristics the characteristics
   */
  void characteristics(Proposal proposal, Collection<String> characteristics);

  /**
   * Records an EIA follow-up action.
   *
   * @param proposal the proposal
   * @param code the action's code, such as {@code EIA_OUTSTANDING}
   * @param message why, in one sentence
   */
  void eiaAction(Proposal proposal, String code, String message);

  /**
   * Records a gateway challenge point the proposal does not yet answer.
   *
   * @param proposal the proposal
   * @param code the challenge's code, such as {@code CHALLENGE_RISKS}
   * @param message why, in one sentence
   */
  void challenge(Proposal proposal, String code, String message);

  /**
   * Records a gateway challenge point with what it concerns, such as the monitoring level a
   * contract needs.
   *
   * @param proposal the proposal
   * @param code the challenge's code, such as {@code CHALLENGE_MONITORING_LEVEL}
   * @param target what it concerns
   * @param message why, in one sentence
   */
  void challenge(Proposal proposal, String code, String target, String message);

  /**
   * Records that a code the proposal still raises blocks the gate stage it is at (see {@link
   * OpenPoint} and {@link GateRequirement}).
   *
   * @param proposal the proposal
   * @param code the code that blocks its stage, such as {@code CHALLENGE_RISKS}
   * @param message why, in one sentence
   */
  void gateBlocker(Proposal proposal, String code, String message);

  /**
   * Records a finding across the forward plan.
   *
   * @param code the finding's code, such as {@code OVERLAP_JOIN_UP}
   * @param proposalIds every proposal it involves
   * @param message why, in one sentence
   */
  void portfolio(String code, Collection<String> proposalIds, String message);
}

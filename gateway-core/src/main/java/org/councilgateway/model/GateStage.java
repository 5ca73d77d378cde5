package org.councilgateway.model;

/**
 * Where a proposal stands in the commissioning cycle, in order (after Shropshire Council,
 * Strategic Commissioning, 4.2; the names are local). The reference data says which challenge
 * points a proposal must have answered before it may be at or past each stage.
 */
public enum GateStage {
  /** Assessing needs. */
  NEEDS,
  /** Appraising the options. */
  OPTIONS,
  /** Writing the specification. */
  SPECIFICATION,
  /** Procuring. */
  PROCUREMENT,
  /** Awarding the contract. */
  AWARD,
  /** Delivering the service. */
  DELIVERY,
  /** Reviewing it. */
  REVIEW
}

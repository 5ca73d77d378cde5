package org.councilgateway.facts;

import java.util.Objects;

/**
 * A point a proposal still raises: a challenge or an EIA action recorded for it. The gateway puts
 * one in the session each time a rule records one through {@link Findings}, so that rules about
 * readiness (which codes block which gate stage) can match what the other rules found.
 *
 * @param proposalId the proposal's id
 * @param code the challenge's or EIA action's code
 */
public record OpenPoint(String proposalId, String code) {

  /**
   * Checks the values.
   *
   * @param proposalId the proposal's id
   * @param code the challenge's or EIA action's code
   */
  public OpenPoint {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(code, "code");
  }
}

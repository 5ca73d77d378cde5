package org.councilgateway.facts;

import java.util.Objects;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;

/**
 * Derived by the EIA rules: a proposal requires an equality impact assessment of a kind, at least
 * at a level.
 *
 * @param proposalId the proposal
 * @param kind the kind required
 * @param level the level required
 */
public record EiaRequired(String proposalId, EiaKind kind, EiaLevel level) {

  /**
   * Checks the values.
   *
   * @param proposalId the proposal
   * @param kind the kind required
   * @param level the level required
   */
  public EiaRequired {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
  }
}

package org.councilgateway.facts;

import java.util.Objects;
import org.councilgateway.model.GateStage;

/**
 * Reference data: a code a proposal must no longer raise (a challenge, or the EIA action
 * EIA_OUTSTANDING) to be at a gate stage. The reference data lists what each stage adds; a stage
 * requires its own codes and those of every stage before it, and there is one fact per stage and
 * code.
 *
 * @param stage the stage
 * @param code the code that blocks it while raised
 */
public record GateRequirement(GateStage stage, String code) {

  /**
   * Checks the values.
   *
   * @param stage the stage
   * @param code the code that blocks it while raised
   */
  public GateRequirement {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(code, "code");
  }
}

package org.councilgateway.assessment;

import java.util.List;
import java.util.Objects;
import org.councilgateway.model.GateStage;

/**
 * Whether a proposal is ready for the gate stage it is at: the codes that stage requires (the
 * reference data's gate stages) which the assessment still raises.
 *
 * @param stage the stage the proposal is at
 * @param blockers the codes still raised that the stage requires: challenges in their output order,
 *     then EIA_OUTSTANDING
 */
public record Gate(GateStage stage, List<String> blockers) {

  /**
   * Checks the stage and copies the list.
   *
   * @param stage the stage the proposal is at
   * @param blockers the codes still raised that the stage requires
   */
  public Gate {
    Objects.requireNonNull(stage, "stage");
    blockers = List.copyOf(blockers);
  }

  /**
   * Tells whether the proposal is ready for its stage.
   *
   * @return true exactly when nothing blocks it
   */
  public boolean ready() {
    return blockers.isEmpty();
  }
}

package org.councilgateway.assessment;

import java.util.List;
import java.util.Objects;
import org.councilgateway.model.GateStage;

/**
 * Whether a proposal is ready for the gate stage it is at: the codes that stage requires (the
 * reference data's gate stages) which the assessment still raises.
 *
 * @param stage the stage the proposal is at
 * @param ready true exactly when nothing blocks it
 * @param blockers the codes still raised that the stage requires: challenges in their output order,
 *     then EIA_OUTSTANDING
 */
public record Gate(GateStage stage, boolean ready, List<String> blockers) {

  /**
   * Checks the values and copies the list.
   *
   * @param stage the stage the proposal is at
   * @param ready true exactly when nothing blocks it
   * @param blockers the codes still raised that the stage requires
   */
  public Gate {
    Objects.requireNonNull(stage, "stage");
    blockers = List.copyOf(blockers);
    if (ready != blockers.isEmpty()) {
      throw new IllegalArgumentException("ready must be true exactly when there are no blockers, but ready was "
          + ready + " with blockers " + blockers);
    }
  }
}

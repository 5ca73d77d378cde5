package org.councilgateway.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An equality impact assessment already completed for a proposal.
 *
 * @param kind its kind
 * @param level its level
 * @param on the date it was completed
 */
public record CompletedEia(EiaKind kind, EiaLevel level, LocalDate on) {

  /**
   * Checks the values.
   *
   * @param kind its kind
   * @param level its level
   * @param on the date it was completed
   */
  public CompletedEia {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(on, "on");
  }
}

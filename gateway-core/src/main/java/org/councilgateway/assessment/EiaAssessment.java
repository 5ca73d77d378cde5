package org.councilgateway.assessment;

import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import java.util.List;
import java.util.Objects;

/**
 * One kind of equality impact assessment a proposal requires.
 *
 * @param kind the kind
 * @param level the highest level any of its reasons sets
 * @param reasons the codes of every reason that fired for it
 */
public record EiaAssessment(EiaKind kind, EiaLevel level, List<String> reasons) {

  /**
   * Checks the values and copies the list.
   *
   * @param kind the kind
   * @param level the highest level any of its reasons sets
   * @param reasons the codes of every reason that fired for it
   */
  public EiaAssessment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    reasons = List.copyOf(reasons);
  }
}

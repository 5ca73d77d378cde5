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
 * @param findings every reason that fired for it, each with the rule that found it, its source and
 *     its sentence, in the policy's order
 */
public record EiaAssessment(EiaKind kind, EiaLevel level, List<Finding> findings) {

  /**
   * Checks the values and copies the list.
   *
   * @param kind the kind
   * @param level the highest level any of its reasons sets
   * @param findings every reason that fired for it
   */
  public EiaAssessment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    findings = List.copyOf(findings);
  }

  /**
   * The codes of the reasons, as the JSON report lists them.
   *
   * @return the code of each finding, in order
   */
  public List<String> reasons() {
    return findings.stream().map(Finding::code).toList();
  }
}

package org.councilgateway.assessment;

import java.util.Objects;

/**
 * A problem with a proposal's data that does not stop it being assessed, such as an unknown code.
 *
 * @param code the warning's code, as listed under "Warnings" in docs/policy.md
 * @param target the unknown code, or the date
 * @param message one sentence saying what is wrong
 */
public record Warning(String code, String target, String message) {

  /**
   * Checks the values.
   *
   * @param code the warning's code, as listed under "Warnings" in docs/policy.md
   * @param target the unknown code, or the date
   * @param message one sentence saying what is wrong
   */
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(message, "message");
  }
}

package org.councilgateway;

import java.util.List;
import java.util.Objects;

/**
 * What reloading a gateway's rules did.
 *
 * @param swapped whether the new rule set now serves
 * @param version the version serving after the reload
 * @param problems why the new rule set was refused, empty when it was swapped in
 */
public record ReloadResult(boolean swapped, String version, List<Problem> problems) {

  /**
   * Checks the values and copies the list.
   *
   * @param swapped whether the new rule set now serves
   * @param version the version serving after the reload
   * @param problems why the new rule set was refused, empty when it was swapped in
   */
  public ReloadResult {
    Objects.requireNonNull(version, "version");
    problems = List.copyOf(problems);
  }
}

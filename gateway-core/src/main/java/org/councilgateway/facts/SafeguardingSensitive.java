package org.councilgateway.facts;

import java.util.Objects;

/**
 * Reference data: a safeguarding-sensitive service area.
 *
 * @param serviceArea its code
 */
public record SafeguardingSensitive(String serviceArea) {

  /**
   * Checks the value.
   *
   * @param serviceArea its code
   */
  public SafeguardingSensitive {
    Objects.requireNonNull(serviceArea, "serviceArea");
  }
}

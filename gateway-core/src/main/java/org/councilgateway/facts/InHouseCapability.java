package org.councilgateway.facts;

import java.util.Objects;

/**
 * Reference data: a service area the council can deliver itself.
 *
 * @param serviceArea its code
 */
public record InHouseCapability(String serviceArea) {

  /**
   * Checks the value.
   *
   * @param serviceArea its code
   */
  public InHouseCapability {
    Objects.requireNonNull(serviceArea, "serviceArea");
  }
}

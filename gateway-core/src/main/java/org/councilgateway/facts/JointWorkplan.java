package org.councilgateway.facts;

import java.util.Objects;

/**
 * Reference data: a service area a partner commissioner has agreed to commission jointly with the
 * council, on a joint workplan (Wandsworth Borough Council, Paper 15-190, 11 and 16).
 *
 * @param partner the partner commissioner's code
 * @param serviceArea the service area's code
 */
public record JointWorkplan(String partner, String serviceArea) {

  /**
   * Checks the values.
   *
   * @param partner the partner commissioner's code
   * @param serviceArea the service area's code
   */
  public JointWorkplan {
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(serviceArea, "serviceArea");
  }
}

package org.councilgateway.model;

import java.util.Objects;

/**
 * The current or expected provider of a service. A provider is identified by its exact name.
 *
 * @param name the provider's name
 * @param sector its sector, or null when not stated
 * @param performance its current performance rating, or null when not stated
 * @param otherCouncilContracts how many other contracts it holds with the council
 */
public record Provider(String name, Sector sector, Performance performance, int otherCouncilContracts) {

  /**
   * Checks the values.
   *
   * @param name the provider's name
   * @param sector its sector, or null when not stated
   * @param performance its current performance rating, or null when not stated
   * @param otherCouncilContracts how many other contracts it holds with the council
   */
  public Provider {
    Objects.requireNonNull(name, "name");
    if (otherCouncilContracts < 0) {
      throw new IllegalArgumentException(
          "otherCouncilContracts must not be negative but was " + otherCouncilContracts);
    }
  }

  /**
   * Tells whether the provider is rated as requiring improvement or inadequate.
   *
   * @return true for {@link Performance#REQUIRES_IMPROVEMENT} and {@link Performance#INADEQUATE}
   */
  public boolean underperforming() {
    return performance == Performance.REQUIRES_IMPROVEMENT || performance == Performance.INADEQUATE;
  }
}

package org.councilgateway.model;

import java.util.Objects;

/**
 * One source of money for a proposal.
 *
 * @param source where the money comes from
 * @param directorate the directorate whose budget it is, or null when none is named
 * @param annualAmount the amount a year, or null when not stated
 */
public record FundingSource(FundingType source, String directorate, Long annualAmount) {

  /**
   * Checks the values.
   *
   * @param source where the money comes from
   * @param directorate the directorate whose budget it is, or null when none is named
   * @param annualAmount the amount a year, or null when not stated
   */
  public FundingSource {
    Objects.requireNonNull(source, "source");
    if (annualAmount != null && annualAmount < 0) {
      throw new IllegalArgumentException("annualAmount must not be negative but was " + annualAmount);
    }
  }
}

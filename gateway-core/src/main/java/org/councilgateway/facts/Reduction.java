package org.councilgateway.facts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Derived by helper rules: a proposal reduces a service by a stated percentage.
 *
 * @param percent the percentage as a plain number without trailing zeros, so that 10 and 10.0 are equal
 * @param proposalId the proposal
 */
public record Reduction(String percent, String proposalId) {

  /**
   * Checks the values.
   *
   * @param percent the percentage as a plain number without trailing zeros, so that 10 and 10.0 are equal
   * @param proposalId the proposal
   */
  public Reduction {
    Objects.requireNonNull(percent, "percent");
    Objects.requireNonNull(proposalId, "proposalId");
  }

  /**
   * Makes a reduction, normalising the percentage.
   *
   * @param percent the percentage
   * @param proposalId the proposal
   * @return the reduction
   */
  public static Reduction of(BigDecimal percent, String proposalId) {
    return new Reduction(percent.stripTrailingZeros().toPlainString(), proposalId);
  }
}

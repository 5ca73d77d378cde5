package org.councilgateway.assessment;

import java.util.Objects;

/**
 * A reference from an assessment to a portfolio finding that involves its proposal.
 *
 * @param id the portfolio finding's id
 * @param code its code
 */
public record PortfolioRef(String id, String code) {

  /**
   * Checks the values.
   *
   * @param id the portfolio finding's id
   * @param code its code
   */
  public PortfolioRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
  }
}

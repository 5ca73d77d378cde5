package org.councilgateway.facts;

import java.util.Objects;

/**
 * Reference data: a partner that commissions alongside the council, a joint commissioning opportunity.
 *
 * @param code its code
 */
public record PartnerCommissioner(String code) {

  /**
   * Checks the value.
   *
   * @param code its code
   */
  public PartnerCommissioner {
    Objects.requireNonNull(code, "code");
  }
}

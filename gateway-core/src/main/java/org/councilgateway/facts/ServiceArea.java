package org.councilgateway.facts;

import java.util.Objects;

/**
 * A service area in the reference data.
 *
 * @param code its code
 * @param owner the code of the directorate that owns it
 * @param scope whether it is council-wide by nature
 */
public record ServiceArea(String code, String owner, ServiceScope scope) {

  /**
   * Checks the values.
   *
   * @param code its code
   * @param owner the code of the directorate that owns it
   * @param scope whether it is council-wide by nature
   */
  public ServiceArea {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(scope, "scope");
  }

  /**
   * Tells whether the service area is council-wide by nature.
   *
   * @return true when its scope is {@link ServiceScope#COUNCIL_WIDE}
   */
  public boolean councilWide() {
    return scope == ServiceScope.COUNCIL_WIDE;
  }
}

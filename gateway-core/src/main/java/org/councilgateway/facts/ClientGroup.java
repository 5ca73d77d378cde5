package org.councilgateway.facts;

import java.util.List;
import java.util.Objects;

/**
 * A client group and the protected characteristics (Equality Act 2010) it engages.
 *
 * @param code its code
 * @param characteristics the protected characteristics it engages, possibly none
 */
public record ClientGroup(String code, List<String> characteristics) {

  /**
   * Checks the values and copies the list.
   *
   * @param code its code
   * @param characteristics the protected characteristics it engages, possibly none
   */
  public ClientGroup {
    Objects.requireNonNull(code, "code");
    characteristics = List.copyOf(characteristics);
  }

  /**
   * Tells whether the group engages any protected characteristic.
   *
   * @return true when it engages at least one
   */
  public boolean engagesProtectedCharacteristic() {
    return !characteristics.isEmpty();
  }
}

package org.councilgateway.facts;

import java.util.Objects;

/**
 * Reference data: a directorate of the council.
 *
 * @param code its code
 */
public record Directorate(String code) {

  /**
   * Checks the value.
   *
   * @param code its code
   */
  public Directorate {
    Objects.requireNonNull(code, "code");
  }
}

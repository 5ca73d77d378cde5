package org.councilgateway.model;

/** The depth of an equality impact assessment, in increasing order. */
public enum EiaLevel {
  /** No assessment. */
  NONE,
  /** A screening assessment. */
  SCREENING,
  /** A full assessment. */
  FULL;

  /**
   * Tells whether an assessment at this level satisfies a requirement for another level.
   *
   * @param required the level required
   * @return true when this level is the same as or higher than {@code required}
   */
  public boolean covers(EiaLevel required) {
    return compareTo(required) >= 0;
  }
}

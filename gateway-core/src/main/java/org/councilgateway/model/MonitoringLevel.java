package org.councilgateway.model;

/**
 * How closely a contract is monitored, lowest first (Wandsworth Borough Council, Paper 15-190, 12
 * and 13: monitoring in proportion to the risk). The tiers are local policy.
 */
public enum MonitoringLevel {
  /** Light-touch monitoring; what an absent level means. */
  LIGHT,
  /** Standard monitoring. */
  STANDARD,
  /** Close monitoring. */
  HIGH;

  /**
   * Tells whether this level is at least another.
   *
   * @param other the level compared with
   * @return true when this level is the same or higher
   */
  public boolean covers(MonitoringLevel other) {
    return compareTo(other) >= 0;
  }
}

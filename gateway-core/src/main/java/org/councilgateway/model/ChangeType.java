package org.councilgateway.model;

/** What a proposal does to a service. */
public enum ChangeType {
  /** Commission a service that does not exist yet. */
  NEW,
  /** Commission an existing service again. */
  RECOMMISSION,
  /** Extend an existing contract. */
  EXTEND,
  /** Vary an existing contract. */
  VARY,
  /** Reduce a service. */
  REDUCE,
  /** Stop a service. */
  DECOMMISSION;

  /**
   * Tells whether this change goes to the market or otherwise chooses a provider.
   *
   * @return true for {@link #NEW} and {@link #RECOMMISSION}
   */
  public boolean procures() {
    return this == NEW || this == RECOMMISSION;
  }
}

package org.councilgateway.model;

/** How a provider's performance is currently rated. */
public enum Performance {
  /** {@code GOOD}. */
  GOOD,
  /** {@code REQUIRES_IMPROVEMENT}. */
  REQUIRES_IMPROVEMENT,
  /** {@code INADEQUATE}. */
  INADEQUATE,
  /** {@code UNRATED}. */
  UNRATED;
}

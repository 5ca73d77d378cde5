package org.councilgateway.model;

/** Where money for a proposal comes from. */
public enum FundingType {
  /** {@code COUNCIL_BUDGET}. */
  COUNCIL_BUDGET,
  /** {@code PUBLIC_HEALTH_GRANT}. */
  PUBLIC_HEALTH_GRANT,
  /** {@code NHS}. */
  NHS,
  /** {@code POLICE}. */
  POLICE,
  /** {@code EXTERNAL_GRANT}. */
  EXTERNAL_GRANT;
}

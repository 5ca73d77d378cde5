package org.councilgateway.model;

/** How a provider is to be paid. */
public enum PaymentModel {
  /** {@code BLOCK}. */
  BLOCK,
  /** {@code SPOT}. */
  SPOT,
  /** {@code VOLUME}. */
  VOLUME,
  /** {@code OUTCOME_BASED}. */
  OUTCOME_BASED,
  /** {@code PAYMENT_BY_RESULTS}. */
  PAYMENT_BY_RESULTS,
  /** {@code GRANT}. */
  GRANT;
}

package org.councilgateway.model;

/** A way of delivering the service that the commissioner has considered. */
public enum DeliveryOption {
  /** {@code IN_HOUSE}. */
  IN_HOUSE,
  /** {@code OUTSOURCE}. */
  OUTSOURCE,
  /** {@code JOINT_VENTURE}. */
  JOINT_VENTURE,
  /** {@code COUNCIL_COMPANY}. */
  COUNCIL_COMPANY,
  /** {@code GRANT}. */
  GRANT,
  /** {@code SOCIAL_ENTERPRISE}. */
  SOCIAL_ENTERPRISE,
  /** {@code STAFF_MUTUAL}. */
  STAFF_MUTUAL,
  /** {@code PARTNERSHIP}. */
  PARTNERSHIP;
}

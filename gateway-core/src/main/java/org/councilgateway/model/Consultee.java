package org.councilgateway.model;

/** A group the commissioner has consulted on the proposal. */
public enum Consultee {
  /** {@code SERVICE_USERS}. */
  SERVICE_USERS,
  /** {@code PROVIDERS}. */
  PROVIDERS,
  /** {@code WARD_MEMBERS}. */
  WARD_MEMBERS,
  /** {@code STAFF}. */
  STAFF,
  /** {@code PARTNERS}. */
  PARTNERS;
}

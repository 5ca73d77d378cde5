package org.councilgateway.model;

/** The sector a provider belongs to. */
public enum Sector {
  /** {@code PRIVATE}. */
  PRIVATE,
  /** {@code VCS}. */
  VCS,
  /** {@code PUBLIC}. */
  PUBLIC,
  /** {@code IN_HOUSE}. */
  IN_HOUSE;
}

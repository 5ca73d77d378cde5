package org.councilgateway.assessment;

/** Where a proposal goes for challenge: its own directorate, or the Strategic Commissioning and Procurement Group. */
public enum Route {
  /** {@code DIRECTORATE}. */
  DIRECTORATE,
  /** {@code STRATEGIC_COMMISSIONING_GROUP}. */
  STRATEGIC_COMMISSIONING_GROUP;
}

package org.councilgateway.facts;

/** Whether a service area is council-wide by nature (North Lincolnshire appendix 4.2). */
public enum ServiceScope {
  /** Council-wide by nature. */
  COUNCIL_WIDE,
  /** Single-directorate by nature. */
  SINGLE_DIRECTORATE,
  /** Council-wide or not by its impacts. */
  BY_IMPACTS
}

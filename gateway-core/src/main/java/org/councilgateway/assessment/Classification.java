package org.councilgateway.assessment;

/** Whether a proposal is single-directorate or council-wide activity (North Lincolnshire appendix 4.2). */
public enum Classification {
  /** {@code SINGLE_DIRECTORATE}. */
  SINGLE_DIRECTORATE,
  /** {@code COUNCIL_WIDE}. */
  COUNCIL_WIDE;
}

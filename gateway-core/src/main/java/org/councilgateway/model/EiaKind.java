package org.councilgateway.model;

/** The kind of equality impact assessment: effects on people who use services, or on council staff (Wandsworth 25). */
public enum EiaKind {
  /** {@code SERVICE}. */
  SERVICE,
  /** {@code STAFFING}. */
  STAFFING;
}

package org.councilgateway;

import java.util.List;

/** A plan or proposal cannot be used at all: it is unreadable, not JSON or YAML, or malformed. */
public class InvalidPlanException extends GatewayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a sentence summing up what is wrong
   * @param problems every problem found
   */
  public InvalidPlanException(String message, List<Problem> problems) {
    super(message, problems);
  }
}

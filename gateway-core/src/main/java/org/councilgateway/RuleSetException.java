package org.councilgateway;

import java.util.List;

/** A rule set cannot be used: it cannot be read, does not check or does not compile. */
public class RuleSetException extends GatewayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a sentence summing up what is wrong
   * @param problems every problem found, each with its file, line and column
   */
  public RuleSetException(String message, List<Problem> problems) {
    super(message, problems);
  }
}

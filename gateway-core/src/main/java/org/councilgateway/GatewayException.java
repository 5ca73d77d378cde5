package org.councilgateway;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception the gateway throws for input or rules it cannot use. It carries every problem
 * found, not just the first.
 */
public class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param message a sentence summing up what is wrong
   * @param problems every problem found
   */
  public GatewayException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception for a single problem.
   *
   * @param problem the problem
   */
  public GatewayException(Problem problem) {
    this(problem.toString(), List.of(problem));
  }

  /**
   * Returns every problem found.
   *
   * @return the problems, in the order found
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Formats every problem, one a line.
   *
   * @return the problems as text
   */
  public String describe() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}

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

  /** The most problems the message lists; {@link #problems()} has them all. */
  private static final int PROBLEMS_IN_MESSAGE = 5;

  /**
   * Creates the exception. Its message is the sentence followed by the first few problems, one a
   * line as {@code file:line:column: message}, so that a log or a failing test shows what is wrong.
   *
   * @param message a sentence summing up what is wrong
   * @param problems every problem found
   */
  public GatewayException(String message, List<Problem> problems) {
    super(withProblems(message, problems));
    this.problems = List.copyOf(problems);
  }

  private static String withProblems(String message, List<Problem> problems) {
    // A sentence that already says every problem (a plan's one invalid proposal, say) stands alone.
    if (problems.stream().allMatch(problem -> message.contains(problem.message()))) {
      return message;
    }
    StringBuilder text = new StringBuilder(message);
    problems.stream().limit(PROBLEMS_IN_MESSAGE).forEach(problem -> text.append("\n  ").append(problem));
    if (problems.size() > PROBLEMS_IN_MESSAGE) {
      text.append("\n  (and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more)");
    }
    return text.toString();
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

package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The exception's message carries the problems, so that a log or a failing test shows them. */
class GatewayExceptionTest {

  @Test
  void getMessage_twoProblems_listsBothAfterTheSentence() {
    GatewayException e = new RuleSetException("The rule set in rules has 2 problem(s).", List.of(
        new Problem("rules/a.drl", 3, 1, "Rule \"A\" has no @id."), new Problem("rules/b.drl", 9, 5, "Bad.")));

    assertThat(e.getMessage()).isEqualTo("The rule set in rules has 2 problem(s).\n"
        + "  rules/a.drl:3:1: Rule \"A\" has no @id.\n"
        + "  rules/b.drl:9:5: Bad.");
  }

  @Test
  void getMessage_manyProblems_listsTheFirstFiveAndCountsTheRest() {
    List<Problem> problems = IntStream.rangeClosed(1, 7).mapToObj(i -> new Problem("f", i, 1, "P" + i + ".")).toList();

    GatewayException e = new GatewayException("7 problem(s).", problems);

    assertThat(e.getMessage().lines()).containsExactly("7 problem(s).", "  f:1:1: P1.", "  f:2:1: P2.", "  f:3:1: P3.",
        "  f:4:1: P4.", "  f:5:1: P5.", "  (and 2 more)");
    assertThat(e.problems()).hasSize(7);
  }

  @Test
  void getMessage_oneProblem_isThatProblem() {
    Problem problem = new Problem("plan.json", 0, 0, "is not a plan.");

    assertThat(new GatewayException(problem).getMessage()).isEqualTo("plan.json: is not a plan.");
  }
}

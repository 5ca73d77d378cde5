package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A problem prints on one line, whatever its file's name and message hold. */
class ProblemTest {

  @Test
  void toString_soundNameAndMessage_isFileLineColumnMessage() {
    assertThat(new Problem("rules/scope.drl", 3, 7, "Unknown field.")).hasToString("rules/scope.drl:3:7: Unknown field.");
  }

  @Test
  void toString_newlineAndEscapeInTheFileName_isOneLineWithThemEscaped() {
    Problem problem = new Problem("rules/bad\nname\u001b[2J.drl", 3, 7, "Unknown \"x\u2028y\".");

    assertThat(problem).hasToString("rules/bad\\u000aname\\u001b[2J.drl:3:7: Unknown \"x\\u2028y\".");
  }

  @Test
  void describe_everyProblemOnItsOwnLine() {
    GatewayException e = new GatewayException("two", java.util.List.of(new Problem("a\nb", 0, 0, "one."),
        new Problem(null, 0, 0, "two\r\n.")));

    assertThat(e.describe()).isEqualTo("a\\u000ab: one.\ntwo\\u000d\\u000a.");
  }
}

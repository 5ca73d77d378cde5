package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule file nested or chained thousands deep would overflow the parsers' stack: it is a located
 * problem, never a crash.
 */
class DeepRuleFilesTest {
  private static final String HEAD = """
      package org.councilgateway.rules;
      import org.councilgateway.model.Proposal;
      rule "Deep"
        @id("GW-DEEP") @source("A test") @description("A test rule.")
      when
      """;

  @Test
  void validate_bracketsNestedBeyondTheBound_isAProblemAtTheBracket(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    String deep = String.join("", Collections.nCopies(20_000, "(")) + "true" + String.join("", Collections.nCopies(20_000, ")"));
    Files.writeString(rules.resolve("deep.drl"), HEAD + "  $p : Proposal( " + deep + " )\nthen\nend\n");

    assertThat(RuleSet.validate(rules)).extracting(Object::toString).containsExactly(rules.resolve("deep.drl")
        + ":6:81: nests brackets more than 64 deep here, the most a rule file may: split the condition or the "
        + "consequence into simpler parts.");
  }

  @Test
  void validate_bracketsInStringsAndComments_doNotCount(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    String brackets = String.join("", Collections.nCopies(100, "("));
    Files.writeString(rules.resolve("deep.drl"), "// " + brackets + "\n/* " + brackets + " */\n" + HEAD
        + "  $p : Proposal( title != \"" + brackets + "\" )\nthen\nend\n");

    assertThat(RuleSet.validate(rules)).isEmpty();
  }

  @Test
  void fromDirectory_expressionOfThousandsOfParts_isAProblemNotACrash(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    String chain = String.join(" || ", Collections.nCopies(30_000, "id == \"a\""));
    Files.writeString(rules.resolve("chain.drl"), HEAD + "  $p : Proposal( " + chain + " )\nthen\nend\n");

    assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).isInstanceOfSatisfying(RuleSetException.class,
        e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(rules.resolve("chain.drl")
            + ": is too deeply nested to read: an expression of thousands of parts in a row (a || b || ... or 1 + 1 "
            + "+ ...); split it into simpler rules."));
  }
}

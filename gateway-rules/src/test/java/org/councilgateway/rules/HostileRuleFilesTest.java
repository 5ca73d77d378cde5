package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.assessment.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files are code: the guard rejects anything outside its allowlist when a rule set is
 * validated or loaded, naming the file, the line and the fault, and the bundled rules pass it.
 */
class HostileRuleFilesTest {
  private static final String HEADER = """
      package org.councilgateway.rules;

      import org.councilgateway.model.Proposal;
      import org.councilgateway.facts.AffectedDirectorate;
      import org.councilgateway.facts.Findings;
      """;

  /** A rule with metadata, matching every proposal, with the given conditions and consequence. */
  private static String rule(String name, String when, String then) {
    return "\nrule \"" + name + "\"\n"
        + "  @id(\"GW-TEST-" + Math.abs(name.hashCode() % 1000) + "\")\n"
        + "  @source(\"A test\")\n"
        + "  @description(\"A test rule.\")\n"
        + "when\n"
        + "  $p : Proposal( $id : id )\n"
        + when
        + "then\n"
        + then
        + "end\n";
  }

  private static String file(String imports, String declarations, String rule) {
    return HEADER + imports + "\nglobal Findings findings;\n" + declarations + rule;
  }

  /**
   * One hostile rule file per kind of fault: its text, the text on the line at fault, and what
   * the message must say.
   */
  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        Arguments.of("System.exit in a consequence",
            file("", "", rule("Exit", "", "  System.exit(1);\n")),
            "System.exit(1);", "Rule \"Exit\" calls System.exit, which rule files may not do"),
        Arguments.of("Runtime exec in a consequence",
            file("", "", rule("Run", "", "  Runtime.getRuntime().exec(\"rm -rf /tmp/x\");\n")),
            "Runtime.getRuntime()", "Rule \"Run\" calls Runtime.getRuntime"),
        Arguments.of("deleting a file",
            file("", "", rule("Delete", "", "  new java.io.File(\"/tmp/x\").delete();\n")),
            "new java.io.File", "Rule \"Delete\" creates a java.io.File"),
        Arguments.of("writing a file",
            file("import java.nio.file.Files;\nimport java.nio.file.Path;\n", "",
                rule("Write", "", "  Files.writeString(Path.of(\"/tmp/x\"), \"x\");\n")),
            "Files.writeString", "Rule \"Write\" calls Files.writeString"),
        Arguments.of("starting a thread",
            file("", "", rule("Spawn", "", "  new Thread(() -> System.exit(1)).start();\n")),
            "new Thread", "Rule \"Spawn\" creates a Thread"),
        Arguments.of("reflection",
            file("", "", rule("Reflect", "",
                "  Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);\n")),
            "Class.forName", "Rule \"Reflect\" calls Class.forName"),
        Arguments.of("a fully qualified name",
            file("", "", rule("Qualified", "", "  java.lang.System.out.println(\"hello\");\n")),
            "java.lang.System.out.println",
            "Rule \"Qualified\" uses the fully qualified name java.lang.System.out.println"),
        Arguments.of("a function",
            file("", "function void boom() {\n  System.exit(1);\n}\n",
                rule("Calls a function", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "function void boom()", "declares the function boom, which rule files may not do"),
        Arguments.of("a type declaration",
            file("", "declare Payload\n  command : String\nend\n",
                rule("Declares", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "declare Payload", "declares the type Payload, which rule files may not do"),
        Arguments.of("an eval calling System",
            file("", "", rule("Clock", "  eval( System.currentTimeMillis() > 0 )\n",
                "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "eval( System.currentTimeMillis()", "Rule \"Clock\" calls System.currentTimeMillis"),
        Arguments.of("a from calling a static method",
            file("", "", rule("Environment", "  $name : String() from System.getenv().keySet()\n",
                "  findings.challenge($p, \"CHALLENGE_RISKS\", $name);\n")),
            "from System.getenv()", "Rule \"Environment\" calls System.getenv"),
        Arguments.of("an endless loop",
            file("", "", rule("Spin", "", "  while (true) {\n  }\n")),
            "while (true)", "Rule \"Spin\" has a while loop, which rule files may not do"),
        Arguments.of("importing java.io",
            file("import java.io.File;\n", "",
                rule("Imports", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "import java.io.File;", "imports java.io.File, which rule files may not do"),
        Arguments.of("a second global",
            file("", "global java.util.List sink;\n",
                rule("Leaks", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "global java.util.List sink;", "declares the global java.util.List sink, which rule files may not do"),
        Arguments.of("a query",
            file("", "query everything()\n  Proposal()\nend\n",
                rule("Plain", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "query everything()", "declares the query everything, which rule files may not do"),
        Arguments.of("changing a fact",
            file("", "", rule("Retracts", "", "  delete($p);\n")),
            "delete($p);", "Rule \"Retracts\" calls delete"),
        Arguments.of("the engine's context",
            file("", "", rule("Halts", "", "  drools.halt();\n")),
            "drools.halt();", "Rule \"Halts\" uses drools, the rule engine's context"),
        Arguments.of("getClass on a fact",
            file("", "", rule("Classy", "",
                "  findings.challenge($p, \"CHALLENGE_RISKS\", $p.getClass().getName());\n")),
            "$p.getClass()", "Rule \"Classy\" calls $p.getClass"),
        Arguments.of("code as a condition",
            file("", "", rule("Condition", "  Proposal( System.nanoTime() > 0 )\n",
                "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")),
            "Proposal( System.nanoTime()", "Rule \"Condition\" calls System.nanoTime"),
        Arguments.of("inserting a non-model object",
            file("", "", rule("Inserts", "", "  insert(new StringBuilder(\"x\"));\n")),
            "insert(new StringBuilder", "Rule \"Inserts\" creates a StringBuilder"),
        Arguments.of("a unicode escape hiding code in a comment",
            file("", "", rule("Hidden", "", "  // \\u000a System.exit(1);\n")),
            "\\u000a", "uses a \\u escape, which rule files may not do"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void validate_hostileRuleFile_namesTheFileTheLineAndTheFault(String kind, String text, String atFault,
      String message, @TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = rules.resolve("hostile.drl");
    Files.writeString(hostile, text);
    int line = lineOf(text, atFault);

    List<Problem> problems = RuleSet.validate(rules);

    assertThat(problems).as(kind).isNotEmpty()
        .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(hostile.toString()))
        .anySatisfy(problem -> {
          assertThat(problem.line()).isEqualTo(line);
          assertThat(problem.column()).isPositive();
          assertThat(problem.message()).contains(message);
          assertThat(problem.toString())
              .matches(Pattern.quote(hostile + ":" + line + ":") + "\\d+: " + Pattern.quote(problem.message()));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void fromDirectory_hostileRuleFile_doesNotLoad(String kind, String text, String atFault, String message,
      @TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("hostile.drl"), text);

    assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).as(kind)
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .anySatisfy(problem -> assertThat(problem.message()).contains(message)));
  }

  @Test
  void validate_consequenceOnTheLineOfThen_givesItsColumn(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = rules.resolve("hostile.drl");
    String text = file("", "", rule("Terse", "", "")).replace("then\n", "then System.exit(1);\n");
    Files.writeString(hostile, text);

    assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(lineOf(text, "then System.exit"));
      assertThat(problem.column()).isEqualTo("then ".length() + 1);
      assertThat(problem.message()).isEqualTo("Rule \"Terse\" calls System.exit, which rule files may not do: "
          + "only findings, insert of model types and reading facts are allowed.");
    });
  }

  @Test
  void validate_ruleAttributesAndMetadataThatAreCode_areRejected(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = rules.resolve("hostile.drl");
    String text = file("", "", rule("Dynamic", "", "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n")
        .replace("  @description(\"A test rule.\")\n",
            "  @description(System.getenv(\"HOME\"))\n  salience ($p.hashCode())\n  dialect \"mvel\"\n"));
    Files.writeString(hostile, text);

    assertThat(RuleSet.validate(rules)).extracting(Problem::message).anySatisfy(
            m -> assertThat(m).startsWith("Rule \"Dynamic\" gives @description the value System.getenv(\"HOME\")"))
        .anySatisfy(m -> assertThat(m).startsWith("Rule \"Dynamic\" sets salience to ($p.hashCode())"))
        .anySatisfy(m -> assertThat(m).startsWith("Rule \"Dynamic\" uses the dialect mvel"));
  }

  @Test
  void validate_inlineAccumulateCode_isRejected(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    String text = file("", "", rule("Counts",
        "  $n : Number() from accumulate( Proposal( $x : id ), init( int n = 0; ), action( n++; ), "
            + "reverse( n--; ), result( n ) )\n",
        "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n"));
    Files.writeString(rules.resolve("hostile.drl"), text);

    assertThat(RuleSet.validate(rules)).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("Rule \"Counts\" has accumulate code"));
  }

  /** Everything the bundled rules do, and a little more, in one added rule. */
  private static final String HARMLESS = file("import org.councilgateway.model.ChangeType;\nimport java.util.List;\n", "",
      rule("Harmless",
          "  $w : String( this != $id, length() > 0 ) from $p.wards()\n"
              + "  not AffectedDirectorate( proposalId == $id, directorate == \"NOBODY\" )\n"
              + "  eval( $w.startsWith(\"W\") )\n"
              + "  accumulate( Proposal( $other : id ); $ids : collectSet($other), $n : count($other) )\n",
          """
            String note = "Ward " + $w.toLowerCase() + " among " + $p.wards().size();
            if ($p.changeType() == ChangeType.REDUCE && $ids.contains($id)) {
              note = note + ", a reduction";
            }
            int shown = 0;
            shown++;
            insert(new AffectedDirectorate($id, "NOBODY", "DECLARED"));
            findings.challenge($p, "CHALLENGE_TEST_HARMLESS", note + " (" + $n + " proposals, " + List.of($w).size() + ").");
          """));

  @Test
  void validate_bundledRulesWithAHarmlessRule_areClean(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("harmless.drl"), HARMLESS);

    assertThat(RuleSet.validate(rules)).isEmpty();
  }

  @Test
  void fromDirectory_harmlessRule_loadsAndFires(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("harmless.drl"), HARMLESS);
    Proposal proposal = Proposal.builder().id("P").title("Payroll").leadDirectorate("POLICY_AND_RESOURCES").serviceArea("PAYROLL").changeType(ChangeType.REDUCE)
        .wards(List.of("Westfield")).build();

    Assessment assessment = Gateway.of(RuleSet.fromDirectory(rules)).assess(proposal, LocalDate.of(2026, 11, 23));

    assertThat(assessment.challenges()).extracting(Finding::code).contains("CHALLENGE_TEST_HARMLESS");
    assertThat(assessment.challenges()).filteredOn(f -> f.code().equals("CHALLENGE_TEST_HARMLESS"))
        .extracting(Finding::message).containsExactly("Ward westfield among 1, a reduction (1 proposals, 1).");
  }

  @Test
  void validate_bundledRulesUnchanged_areClean(@TempDir Path dir) throws IOException {
    assertThat(RuleSet.validate(RuleSetLoadingTest.copy(dir))).isEmpty();
  }

  private static int lineOf(String text, String fragment) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("No line holds " + fragment);
  }
}

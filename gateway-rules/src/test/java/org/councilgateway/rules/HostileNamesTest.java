package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names are code too: Drools copies rule names, attribute values, entry points, metadata and file
 * names into the Java it generates without escaping them, so a quote in one would end a string
 * literal and run what follows. The guard and the rules reader refuse such names, and the other
 * ways a rule file could crash the compiler, each as a located problem.
 */
class HostileNamesTest {

  /** The system property that names the marker folder a payload makes, so the payload needs no quotes. */
  private static final String MARKER_PROPERTY = "4242";

  /** Java that makes the marker folder, if it ever runs. */
  private static final String MAKE_MARKER =
      "new java.io.File(System.getProperty(String.valueOf(" + MARKER_PROPERTY + "))).mkdir()";

  /** Ends a Java string literal, runs the payload and opens another. */
  private static final String BREAK_OUT = "\" + " + MAKE_MARKER + " + \"";

  private static final String HEADER = """
      package org.councilgateway.rules;

      import org.councilgateway.model.Proposal;
      import org.councilgateway.facts.Findings;

      global Findings findings;
      """;

  private static final String RECORD = "  findings.challenge($p, \"CHALLENGE_RISKS\", \"x\");\n";

  /** A rule as it is written in a file: its name as written, then metadata and attributes. */
  private static String rule(String name, String extra, String when, String then) {
    return "\nrule " + name + "\n"
        + "  @id(\"GW-TEST-NAMES\")\n"
        + "  @source(\"A test\")\n"
        + "  @description(\"A test rule.\")\n"
        + extra
        + "when\n"
        + "  $p : Proposal( $id : id )\n"
        + when
        + "then\n"
        + then
        + "end\n";
  }

  private static String plainRule(String extra) {
    return HEADER + rule("\"Plain\"", extra, "", RECORD);
  }

  /** A rule with a constraint: Drools copies the file's name beside each constraint's text. */
  private static final String CONSTRAINED =
      HEADER + rule("\"Plain\"", "", "  Proposal( id == $id, title != null )\n", RECORD);

  @AfterEach
  void forgetMarker() {
    System.clearProperty(MARKER_PROPERTY);
  }

  private static Path marker(Path dir) {
    Path marker = dir.resolve("marker");
    System.setProperty(MARKER_PROPERTY, marker.toString());
    return marker;
  }

  @Test
  void payload_runAsJava_makesTheMarker(@TempDir Path dir) {
    Path marker = marker(dir);

    // What each payload runs, run here: the tests below would see it.
    assertThat(new java.io.File(System.getProperty(String.valueOf(4242))).mkdir()).isTrue();

    assertThat(marker).isDirectory();
  }

  /**
   * Each place Drools copies a string into generated Java without escaping it, with a payload that
   * would make the marker: the file's name, its folder, its text, the text on the line at fault
   * (null for a file or folder name) and what the message must say.
   */
  static Stream<Arguments> breakouts() {
    return Stream.of(
        Arguments.of("the rule name", "hostile.drl", "",
            HEADER + rule("'Pwn" + BREAK_OUT + "'", "", "", RECORD),
            "rule 'Pwn", "has a name that may hold only letters, digits, spaces and plain punctuation (not \")."),
        Arguments.of("the rule name, in a comment", "hostile.drl", "",
            HEADER + rule("\"Pwn */ static { " + MAKE_MARKER + "; } /** x\"", "", "", RECORD),
            "rule \"Pwn", "has a name that may hold only letters, digits, spaces and plain punctuation (not *)."),
        Arguments.of("agenda-group", "hostile.drl", "", plainRule("  agenda-group 'x" + BREAK_OUT + "'\n"),
            "agenda-group", "sets agenda-group to \"x\" + new java.io.File"),
        Arguments.of("activation-group", "hostile.drl", "", plainRule("  activation-group 'x" + BREAK_OUT + "'\n"),
            "activation-group", "sets activation-group to \"x\" + new java.io.File"),
        Arguments.of("ruleflow-group", "hostile.drl", "", plainRule("  ruleflow-group 'x" + BREAK_OUT + "'\n"),
            "ruleflow-group", "sets ruleflow-group to \"x\" + new java.io.File"),
        Arguments.of("a package's agenda-group", "hostile.drl", "",
            HEADER + "agenda-group 'x" + BREAK_OUT + "'\n" + rule("\"Plain\"", "", "", RECORD),
            "agenda-group", "sets agenda-group to \"x\" + new java.io.File"),
        Arguments.of("a package's activation-group", "hostile.drl", "",
            HEADER + "activation-group 'x" + BREAK_OUT + "'\n" + rule("\"Plain\"", "", "", RECORD),
            "activation-group", "sets activation-group to \"x\" + new java.io.File"),
        Arguments.of("an entry point", "hostile.drl", "",
            HEADER + rule("\"Plain\"", "", "  $q : Proposal() from entry-point 'x" + BREAK_OUT + "'\n", RECORD),
            "from entry-point", "takes Proposal from the entry point \"x\" + new java.io.File"),
        Arguments.of("date-effective", "hostile.drl", "", plainRule("  date-effective '01-Jan-2020" + BREAK_OUT + "'\n"),
            "date-effective", "sets the attribute date-effective, which rule files may not do"),
        Arguments.of("a metadata value", "hostile.drl", "", plainRule("  @note(\"x" + BREAK_OUT.replace("\"", "\\\"") + "\")\n"),
            "rule \"Plain\"", "gives @note the value"),
        Arguments.of("@Propagation, whose value Drools reads as code", "hostile.drl", "",
            plainRule("  @Propagation(IMMEDIATE.valueOf(String.valueOf(" + MAKE_MARKER + ")))\n"),
            "rule \"Plain\"", "has the metadata @Propagation, which rule files may not do"),
        Arguments.of("salience as code", "hostile.drl", "", plainRule("  salience (" + MAKE_MARKER + " ? 1 : 0)\n"),
            "salience", "sets salience to"),
        Arguments.of("the file name", "x" + BREAK_OUT + ".drl", "", CONSTRAINED, null,
            "The file name \"x\" + new java.io.File(System.getProperty(String.valueOf(4242))).mkdir() + \".drl\" "
                + "may hold only letters, digits, spaces and the punctuation - _ . , ( ) ' & + (not \")."),
        Arguments.of("a folder name", "plain.drl", "x" + BREAK_OUT, CONSTRAINED, null,
            "The folder name \"x\" + new java.io.File"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakouts")
  void validate_payloadInAName_isALocatedProblemAndNeverRuns(String kind, String fileName, String folder,
      String text, String atFault, String message, @TempDir Path dir) throws IOException {
    Path marker = marker(dir);
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = (folder.isEmpty() ? rules : Files.createDirectories(rules.resolve(folder))).resolve(fileName);
    Files.writeString(hostile, text);
    Path shown = folder.isEmpty() ? hostile : rules.resolve(folder);
    int line = atFault == null ? 0 : lineOf(text, atFault);

    List<Problem> problems = RuleSet.validate(rules);

    assertThat(problems).as(kind).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(shown.toString());
      assertThat(problem.line()).isEqualTo(line);
      assertThat(problem.message()).contains(message);
      if (line > 0) {
        assertThat(problem.column()).isPositive();
        assertThat(problem.toString()).startsWith(hostile + ":" + line + ":" + problem.column() + ": ");
      }
    });
    assertThat(marker).as(kind).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakouts")
  void fromDirectory_payloadInAName_doesNotLoadAndNeverRuns(String kind, String fileName, String folder,
      String text, String atFault, String message, @TempDir Path dir) throws IOException {
    Path marker = marker(dir);
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = (folder.isEmpty() ? rules : Files.createDirectories(rules.resolve(folder))).resolve(fileName);
    Files.writeString(hostile, text);

    assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).as(kind)
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .anySatisfy(problem -> assertThat(problem.message()).contains(message)));
    assertThat(marker).as(kind).doesNotExist();
  }

  /**
   * Rule files that once crashed the compiler, or could: each text, the text on the line at fault
   * and what the message must say.
   */
  static Stream<Arguments> crashes() {
    return Stream.of(
        Arguments.of("a package of Java's", plainRule("").replace("package org.councilgateway.rules;",
            "package java.lang;"), "package java.lang;",
            "has the package java.lang, which rule files may not do: a package is lowercase words separated by "
                + "dots, such as org.councilgateway.rules, and not one of Java's, Drools' or this library's."),
        Arguments.of("a package of this library's", plainRule("").replace("package org.councilgateway.rules;",
            "package org.councilgateway.internal;"), "package org.councilgateway.internal;",
            "has the package org.councilgateway.internal, which rule files may not do"),
        Arguments.of("a package in capitals", plainRule("").replace("package org.councilgateway.rules;",
            "package Org.Rules;"), "package Org.Rules;", "has the package Org.Rules, which rule files may not do"),
        Arguments.of("@Propagation", plainRule("  @Propagation(\"IMMEDIATE\")\n"), "rule \"Plain\"",
            "Rule \"Plain\" has the metadata @Propagation, which rule files may not do: metadata names are words "
                + "that begin in lowercase, such as @id, @source and @description."),
        Arguments.of("metadata with two values", plainRule("  @note(a = \"x\", b = \"y\")\n"), "rule \"Plain\"",
            "Rule \"Plain\" gives @note the values"),
        Arguments.of("a dialect with a space", plainRule("  dialect \"java \"\n"), "dialect",
            "Rule \"Plain\" gives the dialect as \"java \", with spaces: write dialect \"java\"."),
        Arguments.of("a quoted rule name", HEADER + rule("\"'quoted'\"", "", "", RECORD), "rule \"'quoted'\"",
            "Rule \"'quoted'\" has a name that is empty or begins or ends with a space or a quote"),
        Arguments.of("a binding named drools", HEADER + rule("\"Plain\"", "", "  drools : Proposal( id == $id )\n",
                RECORD), "drools : Proposal",
            "Rule \"Plain\" binds drools, the name of the rule engine's context, which rule files may not do: "
                + "a binding has a name of its own, such as $drools."),
        Arguments.of("a name with a backslash", HEADER + rule("\"Back\\\\slash\"", "", "", RECORD), "rule \"Back",
            "has a name that may hold only letters, digits, spaces and plain punctuation (not \\)."),
        Arguments.of("a name with braces", HEADER + rule("\"Brace {x}\"", "", "", RECORD), "rule \"Brace",
            "Rule \"Brace {x}\" has a name that may hold only letters, digits, spaces and plain punctuation "
                + "(not {)."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crashes")
  void validate_ruleFileThatCouldCrashTheCompiler_isALocatedProblem(String kind, String text, String atFault,
      String message, @TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = rules.resolve("hostile.drl");
    Files.writeString(hostile, text);
    int line = lineOf(text, atFault);

    assertThat(RuleSet.validate(rules)).as(kind).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(hostile.toString());
      assertThat(problem.line()).isEqualTo(line);
      assertThat(problem.column()).isPositive();
      assertThat(problem.message()).contains(message);
    });
    assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).as(kind)
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
            .anySatisfy(problem -> assertThat(problem.toString())
                .startsWith(hostile + ":" + line + ":").contains(message)));
  }

  @Test
  void validate_ruleNameWithAControlCharacter_showsItEscaped(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path hostile = rules.resolve("hostile.drl");
    String text = HEADER + rule("\"Red \u001b[31m alert\"", "", "", RECORD);
    Files.writeString(hostile, text);

    assertThat(RuleSet.validate(rules)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(hostile.toString());
      assertThat(problem.line()).isEqualTo(lineOf(text, "rule \"Red"));
      assertThat(problem.message()).isEqualTo("Rule \"Red \\u001b[31m alert\" has a name that may hold only "
          + "letters, digits, spaces and plain punctuation (not \\u001b).");
    }).allSatisfy(problem -> assertThat(problem.toString()).doesNotContain("\u001b"));
  }

  @Nested
  @DisplayName("A name is a value only where Java sees it as one")
  class Scoping {

    private List<Problem> validate(Path dir, String when, String then) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Files.writeString(rules.resolve("hostile.drl"), HEADER + "import org.councilgateway.model.ChangeType;\n"
          + rule("\"Scoped\"", "", when, then));
      return RuleSet.validate(rules);
    }

    private static final String RUNTIME_VERSION = "  findings.challenge($p, \"CHALLENGE_RISKS\", \"\" + Runtime.version());\n";

    @Test
    void bindingUnderNot_namedLikeAType_isRefused(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  not( Runtime : Proposal( id == \"x\" ) )\n", RUNTIME_VERSION))
          .extracting(Problem::message)
          .contains("Rule \"Scoped\" binds Runtime, the name of a type, which rule files may not do: a binding has a "
              + "name of its own, such as $runtime.")
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" calls Runtime.version"));
    }

    @Test
    void bindingUnderExists_namedLikeAType_isRefused(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  exists( System : Proposal( id == \"x\" ) )\n", RUNTIME_VERSION))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" binds System, the name of a type"));
    }

    @Test
    void bindingInAccumulate_namedLikeAType_isRefused(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  accumulate( Thread : Proposal(); $n : count(Thread) )\n", RUNTIME_VERSION))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" binds Thread, the name of a type"));
    }

    @Test
    void bindingNamedLikeAnImportedType_isRefused(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  ChangeType : Proposal( id == $id )\n", RECORD))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" binds ChangeType, the name of a type"));
    }

    @Test
    void bindingUnderNot_isNotInScopeInTheConsequence(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  not( $q : Proposal( id == \"x\" ) )\n",
          "  findings.challenge($p, \"CHALLENGE_RISKS\", $q.id());\n"))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" refers to $q, which is not a binding or a local "
              + "variable here"));
    }

    @Test
    void bindingInAccumulateInput_isNotInScopeInTheConsequence(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  accumulate( Proposal( $other : id ); $n : count($other) )\n",
          "  findings.challenge($p, \"CHALLENGE_RISKS\", $other + $n);\n"))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" refers to $other, which is not a binding"));
    }

    @Test
    void localDeclaredAfterItsUse_isNotAValueThere(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "", RUNTIME_VERSION + "  String Runtime = \"x\";\n"))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" calls Runtime.version, which rule files may not "
              + "do"));
    }

    @Test
    void localInAnInnerBlock_namedLikeAType_isRefused(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "", "  if ($id != null) {\n    String Runtime = \"x\";\n  }\n" + RUNTIME_VERSION))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" declares a local variable named Runtime, the "
              + "name of a type, which rule files may not do: a local variable has a name of its own."));
    }

    @Test
    void localInAnInnerBlock_isNotInScopeAfterIt(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "", "  if ($id != null) {\n    String note = \"x\";\n  }\n"
          + "  findings.challenge($p, \"CHALLENGE_RISKS\", note);\n"))
          .extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).startsWith("Rule \"Scoped\" refers to note, which is not a binding"));
    }

    @Test
    void bindingsAndLocalsInScope_areClean(@TempDir Path dir) throws IOException {
      assertThat(validate(dir, "  $n : Number() from accumulate( Proposal( $other : id ); count($other) )\n"
              + "  not( Proposal( $x : id, $x == \"none\", $x != $id ) )\n",
          "  String note = \"\" + $n;\n  if ($n != null) {\n    String more = note + \"!\";\n    note = more;\n  }\n"
              + "  findings.challenge($p, \"CHALLENGE_RISKS\", note);\n"))
          .isEmpty();
    }
  }

  @Nested
  @DisplayName("Rules import model types, not the library's API")
  class Imports {

    @ParameterizedTest
    @ValueSource(strings = {"org.councilgateway.ReloadResult",
        "org.councilgateway.Limits", "org.councilgateway.Problem", "org.councilgateway.assessment.PlanAssessment",
        "org.councilgateway.assessment.Finding", "org.councilgateway.assessment.Route", "org.councilgateway.RuleInfo",
        "org.councilgateway.Gateway", "org.councilgateway.RuleSet", "org.councilgateway.scenario.Scenario",
        "org.councilgateway.internal.ruleset.RuleMeta", "org.councilgateway.internal.ruleset.KnownCodes"})
    void apiType_isRefused(String type, @TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path hostile = rules.resolve("hostile.drl");
      String text = HEADER.replace("import org.councilgateway.model.Proposal;",
          "import org.councilgateway.model.Proposal;\nimport " + type + ";") + rule("\"Plain\"", "", "", RECORD);
      Files.writeString(hostile, text);

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).isEqualTo(hostile.toString());
        assertThat(problem.line()).isEqualTo(lineOf(text, "import " + type + ";"));
        assertThat(problem.message()).startsWith("imports " + type + ", which rule files may not do: only the "
            + "model types (Proposal and its value types, of org.councilgateway.model, and the facts of org.councilgateway.facts)");
      });
    }

    @Test
    void proposalValueTypes_areAllowed(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      String imports = Stream.of("ChangeType", "CompletedEia", "Consultee", "DeliveryOption", "EiaKind", "EiaLevel",
              "EiaRecord", "FundingSource", "FundingType", "PaymentModel", "Performance", "Provider", "Sector",
              "Staffing")
          .map(type -> "import org.councilgateway.model." + type + ";\n").collect(Collectors.joining());
      Files.writeString(rules.resolve("plain.drl"), HEADER.replace("import org.councilgateway.model.Proposal;\n",
          "import org.councilgateway.model.Proposal;\n" + imports) + rule("\"Plain\"", "", "", RECORD));

      assertThat(RuleSet.validate(rules)).isEmpty();
    }
  }

  @Nested
  @DisplayName("The rules directory holds plain files and folders")
  class Directory {

    private static final String SECRET = "SECRET-LINE-must-not-be-echoed";

    @Test
    void symbolicLinkToAFile_isRefusedUnread(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path outside = Files.writeString(dir.resolve("passwd"), SECRET + ":x:0:0\n");
      Path link = rules.resolve("linked.drl");
      Files.createSymbolicLink(link, outside);

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(link + ": is a symbolic link, which a rules directory may not hold: rules are read only from "
              + "plain files and folders inside it, so it is not followed."));
      assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).isInstanceOf(RuleSetException.class)
          .hasMessageNotContaining(SECRET);
    }

    @Test
    void symbolicLinkToAFolder_isRefusedUnread(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path outside = Files.createDirectories(dir.resolve("outside"));
      Files.writeString(outside.resolve("evil.drl"), SECRET + "\n");
      Path link = rules.resolve("more");
      Files.createSymbolicLink(link, outside);

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).isEqualTo(link.toString());
        assertThat(problem.message()).startsWith("is a symbolic link").doesNotContain(SECRET);
      });
    }

    @Test
    void pipeNamedLikeARuleFile_isRefusedUnopened(@TempDir Path dir) throws IOException, InterruptedException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path pipe = rules.resolve("pipe.drl");
      int made;
      try {
        made = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor();
      } catch (IOException e) {
        made = -1;
      }
      assumeThat(made).as("mkfifo is available").isZero();

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(pipe + ": is not a plain file (it is a device, a pipe or a socket), so it is not read: "
              + "a rule file is a plain file."));
    }

    @Test
    void ruleFileOverTheLimit_isRefusedUnread(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path huge = rules.resolve("huge.drl");
      try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
        file.setLength(300_000_000L); // sparse: nothing is written, and nothing should be read
      }

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(huge + ": is 300,000,000 bytes; a rule file may be at most 1,000,000 bytes."));
    }

    @Test
    void referenceDataOverTheLimit_isRefused(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path data = rules.resolve("reference-data.yaml");
      Files.writeString(data, "#".repeat(1_000_001));

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(data + ": is 1,000,001 bytes; the reference data may be at most 1,000,000 bytes."));
    }

    @Test
    void ruleFileNotUtf8_isALocatedProblem(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path latin = rules.resolve("latin.drl");
      byte[] text = "package org.councilgateway.rules;\n\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
      Files.write(latin, text);

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(latin + ":3:7: is not UTF-8 text: the byte 0xE9 here is not part of a character; save the file "
              + "as UTF-8."));
    }

    @Test
    void fileNameWithControlCharacters_isShownEscaped(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Files.writeString(rules.resolve("red\u001b[31m\nline.drl"), plainRule(""));

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).isEqualTo(rules.resolve("red\\u001b[31m\\u000aline.drl").toString());
        assertThat(problem.message()).isEqualTo("The file name \"red\\u001b[31m\\u000aline.drl\" may hold only letters, "
            + "digits, spaces and the punctuation - _ . , ( ) ' & + (not \\u001b).");
        assertThat(problem.toString()).doesNotContain("\u001b").doesNotContain("\n");
      });
    }

    @Test
    void folderNameWithANewline_isRefused(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Path folder = Files.createDirectories(rules.resolve("more\nrules"));
      Files.writeString(folder.resolve("plain.drl"), plainRule(""));

      assertThat(RuleSet.validate(rules)).singleElement().satisfies(problem -> assertThat(problem.toString())
          .isEqualTo(rules.resolve("more\\u000arules") + ": The folder name \"more\\u000arules\" may hold only letters, "
              + "digits, spaces and the punctuation - _ . , ( ) ' & + (not \\u000a)."));
    }

    @Test
    void otherFilesWithAnyName_areIgnored(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Files.writeString(rules.resolve("notes \"draft\".txt"), "not a rule file");

      assertThat(RuleSet.validate(rules)).isEmpty();
    }
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

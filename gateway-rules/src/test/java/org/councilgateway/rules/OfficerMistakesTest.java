package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slips a policy officer makes editing a copy of the bundled rules, each answered with one
 * problem at the place of the slip that names the fix, not a refusal or a parser's complaint
 * about a line that is sound.
 */
class OfficerMistakesTest {

  @TempDir
  Path dir;
  Path rules;

  @BeforeEach
  void export() {
    rules = RuleSet.exportBundled(dir);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = rules.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as("the text to replace in " + file).contains(from);
    Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
  }

  private List<String> problems() {
    return RuleSet.validate(rules).stream().map(Problem::toString).toList();
  }

  private String at(String file, int line, int column) {
    return rules.resolve(file) + ":" + line + ":" + column + ": ";
  }

  @Test
  void missingImport_isNamedOnceAtTheFirstUse_withTheLineToAdd() throws IOException {
    edit("challenge.drl", "import org.councilgateway.model.ChangeType;\n", "");

    assertThat(problems()).containsExactly(at("challenge.drl", 163, 32)
        + "Rule \"Provider rated as needing improvement\" uses ChangeType, which challenge.drl does not import: "
        + "add \"import org.councilgateway.model.ChangeType;\" at the top of challenge.drl.");
  }

  @Test
  void misspeltFindingsMethod_isNamedWithTheNearestAndAllOfThem() throws IOException {
    edit("challenge.drl", "findings.challenge($p, \"CHALLENGE_OBJECTIVES\"", "findings.challange($p, \"CHALLENGE_OBJECTIVES\"");

    assertThat(problems()).containsExactly(at("challenge.drl", 28, 3)
        + "Rule \"No commissioning objectives\" calls findings.challange, but findings has no method challange: "
        + "did you mean challenge? Its methods are challenge, characteristics, eiaAction, eiaReason, gateBlocker, impact, "
        + "keyDecision, portfolio, scope.");
  }

  @Test
  void enumValueThatDoesNotExist_isNamedWithTheNearestAndAllValues() throws IOException {
    edit("challenge.drl", "Consultee.SERVICE_USERS", "Consultee.PROVIDER");

    assertThat(problems()).containsExactly(at("challenge.drl", 69, 60)
        + "Rule \"Service users not consulted\" uses Consultee.PROVIDER, but Consultee has no value PROVIDER: "
        + "did you mean PROVIDERS? Its values are SERVICE_USERS, PROVIDERS, WARD_MEMBERS, STAFF, PARTNERS.");
  }

  @Test
  void misspeltField_isNamedWithTheNearest() throws IOException {
    edit("challenge.drl", "consulted not contains", "consultd not contains");

    assertThat(problems()).containsExactly(at("challenge.drl", 69, 37)
        + "Rule \"Service users not consulted\" refers to consultd, but Proposal has no field consultd: "
        + "did you mean consulted? gateway docs --fields lists Proposal's fields.");
  }

  @Test
  void misspeltHelper_isNamedWithTheNearest() throws IOException {
    edit("challenge.drl", "hasServiceUsers(), consulted", "hasServiceUser(), consulted");

    assertThat(problems()).containsExactly(at("challenge.drl", 69, 18)
        + "Rule \"Service users not consulted\" calls hasServiceUser, but Proposal has no method hasServiceUser: "
        + "did you mean hasServiceUsers? gateway docs --fields lists what each type has.");
  }

  @Test
  void ruleWithoutEnd_isNamedAtItsStart_withWhereTheEndGoes() throws IOException {
    edit("challenge.drl", "\"Risks have not been assessed.\");\nend\n", "\"Risks have not been assessed.\");\n");

    assertThat(problems()).containsExactly(at("challenge.drl", 87, 1)
        + "Rule \"Risks not assessed\" has no end: write end on a line of its own after its consequence, before rule "
        + "\"Payment not linked to outcomes\" on line 96.");
  }

  @Test
  void lastRuleWithoutEnd_isNamedAtItsStart() throws IOException {
    String text = Files.readString(rules.resolve("challenge.drl")).stripTrailing();
    assertThat(text).endsWith("\nend");
    Files.writeString(rules.resolve("challenge.drl"), text.substring(0, text.length() - 3));

    assertThat(problems()).containsExactly(at("challenge.drl", 262, 1)
        + "Rule \"Contract for service users monitored below STANDARD\" has no end: write end on a line of its own "
        + "after its consequence, at the end of the file.");
  }

  @Test
  void unclosedBraceInTheReferenceData_isNamedAtTheBrace() throws IOException {
    edit("reference-data.yaml", "keyDecisionValue: 350000", "keyDecisionValue: {350000");

    assertThat(problems()).containsExactly(at("reference-data.yaml", 113, 21)
        + "is not valid YAML: this { is never closed: a { } mapping ends with }, with commas between its key: value "
        + "pairs; if the { is a slip, remove it.");
  }

  @Test
  void misspeltImport_isNamedWithTheNearestType_andItsUsesAreNotReportedAgain() throws IOException {
    edit("challenge.drl", "import org.councilgateway.model.ChangeType;", "import org.councilgateway.model.ChangeTyp;");

    assertThat(problems()).containsExactly(at("challenge.drl", 5, 1)
        + "imports org.councilgateway.model.ChangeTyp, which does not exist: did you mean ChangeType?");
  }

  @Test
  void patternOnATypeNotImported_isTheMissingImport() throws IOException {
    edit("challenge.drl", "import org.councilgateway.facts.SafeguardingSensitive;\n", "");

    assertThat(problems()).containsExactly(at("challenge.drl", 137, 3)
        + "Rule \"Safeguarding-sensitive service may be outsourced\" uses SafeguardingSensitive, which challenge.drl "
        + "does not import: add \"import org.councilgateway.facts.SafeguardingSensitive;\" at the top of challenge.drl.");
  }

  @Test
  void patternOnAMisspeltType_isNamedWithTheNearest() throws IOException {
    edit("challenge.drl", "  SafeguardingSensitive( serviceArea == $area )", "  SafeguardingSensitiv( serviceArea == $area )");

    assertThat(problems()).containsExactly(at("challenge.drl", 138, 3)
        + "Rule \"Safeguarding-sensitive service may be outsourced\" matches SafeguardingSensitiv, which is not a type: "
        + "did you mean SafeguardingSensitive?");
  }

  @Test
  void consequenceMissingABracket_isASlipToCheck() throws IOException {
    edit("challenge.drl", "\"Risks have not been assessed.\");", "\"Risks have not been assessed.\";");

    assertThat(problems()).containsExactly(at("challenge.drl", 94, 3)
        + "Rule \"Risks not assessed\" has a consequence that cannot be read (findings.challenge($p, \"CHALLENGE_RISKS\", "
        + "\"Risks have not been assessed.\";): check it for a missing ; at the end of a statement, a bracket or a quote.");
  }

  @Test
  void salienceThatIsNotANumber_saysWhatToWrite() throws IOException {
    edit("challenge.drl", "  @description(\"The proposal states no commissioning objectives.\")\nwhen",
        "  @description(\"The proposal states no commissioning objectives.\")\n  salience high\nwhen");

    assertThat(problems()).containsExactly(at("challenge.drl", 25, 12)
        + "Rule \"No commissioning objectives\" sets salience to high, which is not a whole number: write a whole"
        + " number, such as salience 10.");
  }

  @Test
  void misspeltFieldReadThroughABinding_isNamedWithTheNearest() throws IOException {
    edit("challenge.drl", "  $p : Proposal( objectives.isEmpty() )\nthen",
        "  $p : Proposal( objectives.isEmpty() )\n  eval( $p.objectivs.isEmpty() )\nthen");

    assertThat(problems()).containsExactly(at("challenge.drl", 27, 9)
        + "Rule \"No commissioning objectives\" reads $p.objectivs, but nothing challenge.drl imports has a field"
        + " objectivs: did you mean objectives? gateway docs --fields lists the fields of each type.");
  }

  @Test
  void findingsRecordedInACondition_saysWhereFindingsAreRecorded() throws IOException {
    edit("challenge.drl", "  $p : Proposal( objectives.isEmpty() )\nthen",
        "  $p : Proposal( objectives.isEmpty(), findings.challenge($p, \"X\", \"y\") )\nthen");

    assertThat(problems()).containsExactly(at("challenge.drl", 26, 40)
        + "Rule \"No commissioning objectives\" calls findings.challenge in a condition: findings are recorded in the"
        + " consequence, after then.");
  }

  @Test
  void misspeltInsert_isNamedWithTheNearest() throws IOException {
    edit("challenge.drl", "  findings.challenge($p, \"CHALLENGE_OBJECTIVES\", \"No commissioning objectives are stated.\");",
        "  insret(new Object());");

    assertThat(problems()).containsExactly(at("challenge.drl", 28, 3)
        + "Rule \"No commissioning objectives\" calls insret, which is not a method here: did you mean insert?");
  }

  @Test
  void aGlobalOtherThanFindings_isStillRefusedAsForbidden() throws IOException {
    edit("challenge.drl", "global Findings findings;", "global Findings findings;\nglobal java.util.List extra;");

    assertThat(problems()).containsExactly(at("challenge.drl", 20, 1)
        + "declares the global java.util.List extra, which rule files may not do: the only global is findings, of"
        + " type Findings.");
  }

  @Test
  void aTrueOrFalseAttributeGivenSomethingElse_saysItIsTrueOrFalse() throws IOException {
    edit("challenge.drl", "  @description(\"The proposal states no commissioning objectives.\")\nwhen",
        "  @description(\"The proposal states no commissioning objectives.\")\n  no-loop maybe\nwhen");

    assertThat(problems()).containsExactly(at("challenge.drl", 25, 11)
        + "Rule \"No commissioning objectives\" sets no-loop to maybe: no-loop is true or false.");
  }

  @Test
  void aTokenTheGrammarDoesNotAllow_isNamedWithWhatToCheck() throws IOException {
    edit("challenge.drl", "  @description(\"The proposal states no commissioning objectives.\")\nwhen",
        "  @description(\"The proposal states no commissioning objectives.\")\n  priority 10\nwhen");

    assertThat(problems()).containsExactly(at("challenge.drl", 25, 3) + "Rule \"No commissioning objectives\" has"
        + " 'priority' where it cannot stand: check this line for a misspelt keyword, a missing quote or bracket, or a"
        + " text that needs quotes.");
  }
}

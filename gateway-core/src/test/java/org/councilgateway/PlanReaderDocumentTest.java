package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.councilgateway.PlanJson.ids;
import static org.councilgateway.PlanJson.plan;
import static org.councilgateway.PlanJson.proposal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents that cannot be used at all: each throws {@link InvalidPlanException} with one problem
 * naming the file, and nothing is read from it.
 */
@DisplayName("PlanReader with unusable documents")
class PlanReaderDocumentTest {
  private static final PlanReader READER = PlanReader.create();
  private static final String NOT_A_PLAN =
      "is not a plan: it must be a JSON or YAML object with a \"proposals\" list.";
  private static final String NO_PROPOSALS = "has no \"proposals\" list.";

  /** Reads a document that must be unusable and returns its one problem. */
  private static Problem onlyProblem(String content, String name) {
    InvalidPlanException thrown =
        catchThrowableOfType(InvalidPlanException.class, () -> READER.read(content, name));

    assertThat(thrown).as("an unusable document throws").isNotNull();
    assertThat(thrown.problems()).hasSize(1);
    Problem problem = thrown.problems().get(0);
    assertThat(problem.file()).isEqualTo(name);
    assertThat(thrown.getMessage()).isEqualTo(problem.toString());
    return problem;
  }

  /** Reads a file that must be unusable and returns its one problem. */
  private static Problem onlyProblem(Path file) {
    InvalidPlanException thrown = catchThrowableOfType(InvalidPlanException.class, () -> READER.read(file));

    assertThat(thrown).as("an unusable file throws").isNotNull();
    assertThat(thrown.problems()).hasSize(1);
    Problem problem = thrown.problems().get(0);
    assertThat(problem.file()).isEqualTo(file.toString());
    assertThat(thrown.getMessage()).isEqualTo(problem.toString());
    return problem;
  }

  @Nested
  @DisplayName("not JSON or YAML")
  class NotParsable {

    @Test
    void read_notJson_namesTheFileAndThePlace() {
      Problem problem = onlyProblem("{\"proposals\": [\n  {\"id\": \"A\",}\n]}", "plan.json");

      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.column()).isPositive();
      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_plainTextNamedJson_isNotValidJson() {
      Problem problem = onlyProblem("not json", "plan.json");

      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.message()).startsWith("is not valid JSON: Unrecognized token 'not'");
    }

    @Test
    void read_yamlNamedJson_isReadAsJson() {
      Problem problem = onlyProblem("proposals: []\n", "plan.json");

      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_notYaml_namesTheFileAndThePlace() {
      Problem problem = onlyProblem("proposals:\n  - id: A\n   title: B\n", "plan.yaml");

      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.column()).isPositive();
      assertThat(problem.message()).startsWith("is not valid YAML: ");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"proposals": [], "proposals": []} | plan.json
        'proposals: []\\nproposals: []'    | plan.yaml
        """)
    void read_duplicateTopLevelKey_isUnusable(String content, String name) {
      Problem problem = onlyProblem(content.replace("\\n", "\n"), name);

      assertThat(problem.message()).contains("Duplicate field 'proposals'");
    }

    @Test
    void read_nestingTooDeep_isUnusableNotAStackOverflow() {
      String deep = "[".repeat(1000) + "]".repeat(1000);

      Problem problem = onlyProblem(plan(proposal("A").with("wards", deep)), "plan.json");

      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_textAfterTheJsonObject_isNotValidJson() {
      Problem problem = onlyProblem("{\"proposals\": []} and then some", "plan.json");

      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_secondJsonObject_isNotDroppedSilently() {
      Problem problem = onlyProblem("{\"proposals\": []}\n" + plan(proposal("A")), "plan.json");

      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_secondYamlDocument_isNotDroppedSilently() {
      Problem problem = onlyProblem("proposals: []\n---\nproposals:\n  - id: A\n", "plan.yaml");

      assertThat(problem.message()).startsWith("is not valid YAML: ");
    }
  }

  @Nested
  @DisplayName("not a plan")
  class NotAPlan {

    @ParameterizedTest(name = "{1}: [{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        ''                  | plan.json
        '   '               | plan.json
        ''                  | plan.yaml
        '# only a comment'  | plan.yaml
        []                  | plan.json
        '[{"id": "A"}]'     | plan.json
        '"proposals"'       | plan.json
        42                  | plan.json
        null                | plan.json
        '- id: A'           | plan.yaml
        just some words     | plan.yaml
        """)
    void read_notAnObject_isNotAPlan(String content, String name) {
      Problem problem = onlyProblem(content == null ? "" : content, name);

      assertThat(problem).isEqualTo(new Problem(name, 0, 0, NOT_A_PLAN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{}",
        "{\"asOf\": \"2026-11-23\"}",
        "{\"proposals\": null}",
        "{\"proposals\": {}}",
        "{\"proposals\": {\"id\": \"A\"}}",
        "{\"proposals\": \"A\"}",
        "{\"proposals\": 3}"})
    void read_noProposalsList_isUnusable(String content) {
      assertThat(onlyProblem(content, "plan.json")).isEqualTo(new Problem("plan.json", 0, 0, NO_PROPOSALS));
    }

    @Test
    void read_yamlProposalsNotAList_isUnusable() {
      assertThat(onlyProblem("asOf: 2026-11-23\nproposals:\n  id: A\n", "plan.yaml"))
          .isEqualTo(new Problem("plan.yaml", 0, 0, NO_PROPOSALS));
    }

    @ParameterizedTest(name = "asOf = {0}")
    @CsvSource(delimiter = '|', textBlock = """
        "2026-02-30"  | has an asOf of "2026-02-30", which is not a date in the form yyyy-MM-dd.
        "26-11-23"    | has an asOf of "26-11-23", which is not a date in the form yyyy-MM-dd.
        "23/11/2026"  | has an asOf of "23/11/2026", which is not a date in the form yyyy-MM-dd.
        ""            | has an asOf of "", which is not a date in the form yyyy-MM-dd.
        20261123      | has an asOf of 20261123, which is not a date in the form yyyy-MM-dd.
        true          | has an asOf of true, which is not a date in the form yyyy-MM-dd.
        ["2026-11-23"] | has an asOf of a list, which is not a date in the form yyyy-MM-dd.
        """)
    void read_badAsOf_isUnusable(String json, String message) {
      String content = "{\"asOf\": " + json + ", \"proposals\": [" + proposal("A") + "]}";

      assertThat(onlyProblem(content, "plan.json")).isEqualTo(new Problem("plan.json", 0, 0, message));
    }

    @Test
    void read_unknownTopLevelField_isUnusable() {
      String content = "{\"asof\": \"2026-11-23\", \"proposals\": [" + proposal("A") + "]}";

      assertThat(onlyProblem(content, "plan.json")).isEqualTo(new Problem("plan.json", 0, 0,
          "has the top-level field(s) \"asof\", which the plan format does not define"
              + " (it has \"asOf\" and \"proposals\")."));
    }

    @Test
    void read_severalUnknownTopLevelFields_namesThemAll() {
      String content = "proposals: []\nrulesetVersion: x\nmeeting: 2026-12-01\n";

      assertThat(onlyProblem(content, "plan.yaml")).isEqualTo(new Problem("plan.yaml", 0, 0,
          "has the top-level field(s) \"rulesetVersion\", \"meeting\", which the plan format does not define"
              + " (it has \"asOf\" and \"proposals\")."));
    }

    @Test
    void read_unknownTopLevelFieldWithBadProposals_isUnusableNotPerProposalErrors() {
      String content = "{\"proposals\": [{}], \"extra\": 1}";

      assertThatThrownBy(() -> READER.read(content, "plan.json"))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessage("plan.json: has the top-level field(s) \"extra\", which the plan format does not define"
              + " (it has \"asOf\" and \"proposals\").");
    }
  }

  @Nested
  @DisplayName("files")
  class FileInput {

    @Test
    void read_missingFile_saysItDoesNotExist(@TempDir Path dir) {
      Path file = dir.resolve("no-such-plan.json");

      assertThat(onlyProblem(file)).isEqualTo(new Problem(file.toString(), 0, 0, "does not exist."));
    }

    @Test
    void read_directory_cannotBeRead(@TempDir Path dir) {
      assertThat(onlyProblem(dir).message()).startsWith("cannot be read");
    }

    @Test
    void read_emptyFile_isNotAPlan(@TempDir Path dir) throws IOException {
      Path file = Files.createFile(dir.resolve("plan.json"));

      assertThat(onlyProblem(file)).isEqualTo(new Problem(file.toString(), 0, 0, NOT_A_PLAN));
    }

    @Test
    void read_emptyYamlFile_isNotAPlan(@TempDir Path dir) throws IOException {
      Path file = Files.createFile(dir.resolve("plan.yaml"));

      assertThat(onlyProblem(file)).isEqualTo(new Problem(file.toString(), 0, 0, NOT_A_PLAN));
    }

    @Test
    void read_notUtf8_isUnusable(@TempDir Path dir) throws IOException {
      Path file = Files.write(dir.resolve("plan.json"),
          "{\"proposals\": [{\"title\": \"Caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));

      assertThat(onlyProblem(file)).isEqualTo(
          new Problem(file.toString(), 0, 0, "is not UTF-8 text, so it is not a JSON or YAML plan."));
    }

    @Test
    void read_fileNotJson_namesTheFile(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("plan.json"), "{\"proposals\": [}");

      Problem problem = onlyProblem(file);

      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.message()).startsWith("is not valid JSON: ");
    }

    @Test
    void read_yamlFileByItsName_isReadAsYaml(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("plan.yml"), "asOf: 2026-11-23\nproposals:\n"
          + "  - {id: A, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: NEW}\n");

      Plan plan = READER.read(file);

      assertThat(ids(plan)).containsExactly("A");
    }

    @Test
    void read_utf8File_keepsTheText(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("plan.json"),
          plan(proposal("A").with("title", "\"Caf\u00e9 and caf\u00e9s \u2013 \u00bd\"")), StandardCharsets.UTF_8);

      assertThat(READER.read(file).proposals().get(0).title()).isEqualTo("Caf\u00e9 and caf\u00e9s \u2013 \u00bd");
    }

    @Test
    void read_nullArguments_areRejected() {
      assertThatThrownBy(() -> READER.read((Path) null)).isInstanceOf(NullPointerException.class).hasMessage("file");
      assertThatThrownBy(() -> READER.read(null, "plan.json"))
          .isInstanceOf(NullPointerException.class).hasMessage("content");
      assertThatThrownBy(() -> READER.read("{}", null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
  }
}

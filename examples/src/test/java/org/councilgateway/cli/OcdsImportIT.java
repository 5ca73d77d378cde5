package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway import ocds} in the real jar, in its own process: the 100 real Contracts Finder
 * packages become a draft that {@code gateway assess} assesses clean; exit codes 0, 1 and 2; every
 * skipped release and unusable file named on stderr, escaped, never with a stack trace.
 */
class OcdsImportIT {
  private static final Path REAL = Path.of("src/test/resources/ocds/contracts-finder-2020");
  private static final Path SAMPLE = Path.of("src/main/resources/ocds");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static List<String> jsonFiles(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(Path::toString).filter(f -> f.endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void theHundredRealPackages_importToADraft_thatAssessRunsClean() throws Exception {
    Path draft = dir.resolve("draft.json");
    List<String> args = new ArrayList<>(List.of("import", "ocds"));
    args.addAll(jsonFiles(REAL));
    args.addAll(List.of("-o", draft.toString()));

    Run imported = gateway(args.toArray(String[]::new));

    noStackTrace(imported);
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).isEmpty();
    assertThat(imported.err()).isEqualTo("100 proposal(s) drafted from 100 release(s) in 100 file(s); 0 release(s) "
        + "skipped, 0 replaced by a later release of the same ocid.\n");
    assertThat(JSON.readTree(draft.toFile()).get("proposals")).hasSize(100);

    Path report = dir.resolve("assessment.json");
    Run assessed = gateway("assess", draft.toString(), "--as-of", "2026-11-23", "--format", "json", "-o", report.toString());

    noStackTrace(assessed);
    assertThat(assessed.exit()).as(assessed.err()).isZero();
    JsonNode result = JSON.readTree(report.toFile());
    assertThat(result.get("assessments")).hasSize(100);
    assertThat(result.get("errors")).isEmpty();
    JsonNode first = result.get("assessments").get(0);
    assertThat(first.fieldNames().next()).isEqualTo("proposalId");
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.get(1)).isEqualTo("origin");
    assertThat(first.get("origin").get("ocid").asText()).isEqualTo(first.get("proposalId").asText());
  }

  @Test
  void yaml_toStandardOutput_forOneBuyer_isAPlanTheGatewayReads() throws Exception {
    List<String> args = new ArrayList<>(List.of("import", "ocds", "--format", "yaml", "--buyer", "  LANCASHIRE county council"));
    args.addAll(jsonFiles(SAMPLE));

    Run imported = gateway(args.toArray(String[]::new));

    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("proposals:\n").contains("serviceArea: HIGHWAYS")
        .contains("title: Spray Injection Patching & Heated \"In Situ\" Road Repairs");
    assertThat(imported.err()).contains("1 proposal(s) drafted from 4 release(s) in 4 file(s)", "3 of other buyers left out");
    Path draft = dir.resolve("draft.yaml");
    Files.writeString(draft, imported.out());
    Run assessed = gateway("assess", draft.toString(), "--as-of", "2026-11-23");
    assertThat(assessed.exit()).as(assessed.err()).isZero();
  }

  @Test
  void someReleasesSkipped_exitOne_eachNamedEscapedOnStderr() throws Exception {
    Path notices = dir.resolve("notices\u001b[31m.json");
    Files.writeString(notices, "{\"releases\": [{\"ocid\": \"ok-1\", \"id\": \"r1\", \"date\": \"2020-01-01\"}, "
        + "{\"id\": \"evil\\u001b[2J\"}, 7]}");
    Path draft = dir.resolve("draft.json");

    Run run = gateway("import", "ocds", notices.toString(), "-o", draft.toString());

    noStackTrace(run);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("\u001b");
    assertThat(run.err()).contains("notices\\u001b[31m.json: releases[1] (id evil\\u001b[2J) skipped: it has no ocid",
        "notices\\u001b[31m.json: releases[2] skipped: it is not an object but 7, so it is not a release.");
    assertThat(JSON.readTree(draft.toFile()).get("proposals")).hasSize(1);
  }

  @Test
  void noUsableFile_exitTwo_eachFileNamedWithItsFault_andNothingWritten() throws Exception {
    Path notJson = dir.resolve("page.json");
    Files.writeString(notJson, "<html>");
    Path missing = dir.resolve("missing.json");
    Path draft = dir.resolve("draft.json");

    Run run = gateway("import", "ocds", notJson.toString(), missing.toString(), "-o", draft.toString());

    noStackTrace(run);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(notJson + ":1:1: is not valid JSON: Unexpected character ('<'",
        missing + ": does not exist.", "No usable OCDS file: nothing was imported.");
    assertThat(draft).doesNotExist();
  }

  @Test
  void aBadMapping_exitTwo_withItsPlace() throws Exception {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, "cpv:\n  \"4x\": HIGHWAYS\n");

    Run run = gateway("import", "ocds", "--mapping", mapping.toString(), jsonFiles(SAMPLE).get(0));

    noStackTrace(run);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(mapping + ":2:9: The CPV prefix \"4x\" must be 1 to 8 digits");
  }

  @Test
  void validate_checksTheMappingInARulesDirectory_againstItsReferenceData() throws Exception {
    Path rules = dir.resolve("council");
    Run exported = gateway("validate");
    assertThat(exported.exit()).as(exported.out() + exported.err()).isZero();
    org.councilgateway.RuleSet.exportBundled(rules);
    Path mapping = rules.resolve("rules/ocds-mapping.yaml");
    assertThat(mapping).exists();
    Files.writeString(mapping, Files.readString(mapping).replace("\"905\": WASTE", "\"905\": REFUSE"));

    Run run = gateway("validate", rules.resolve("rules").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).containsPattern("ocds-mapping.yaml:\\d+:10: The service area REFUSE is not in the reference data");
  }
}

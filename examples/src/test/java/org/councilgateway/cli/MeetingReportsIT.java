package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.gatewayWithInput;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secretariat's reports from the real jar in its own process: the meeting pack written to a file,
 * the same bytes twice; the findings as CSV; what changed since the last meeting, from the shipped
 * earlier version of the sample plan; and the refusals a user can meet.
 */
class MeetingReportsIT {
  private static final Path SAMPLE = Path.of("src/main/resources/plans/sample-forward-plan.json");
  private static final Path PREVIOUS_PLAN = Path.of("src/main/resources/plans/sample-forward-plan-previous.json");
  private static final Path MIXED = Path.of("src/test/resources/plans/mixed.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void html_toAFile_isTheSameBytesTwice_andNamesThePlanAndItsDigest() throws Exception {
    Path first = dir.resolve("pack.html");
    Path second = dir.resolve("again.html");

    Run run = gateway("assess", SAMPLE.toString(), "--format", "html", "-o", first.toString());
    gateway("assess", SAMPLE.toString(), "--format", "html", "--output", second.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    String html = Files.readString(first);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("sample-forward-plan.json",
        sha256(Files.readAllBytes(SAMPLE)), "id=\"NL-2027-001\"", "id=\"LD-2027-018\"");
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void html_fromStandardInput_givesTheDigestOfWhatWasRead() throws Exception {
    Run run = gatewayWithInput(SAMPLE, "assess", "-", "--format", "html");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("standard input", sha256(Files.readAllBytes(SAMPLE)));
  }

  @Test
  void csv_everyFindingAsARow_readBackWithACsvLibrary() throws Exception {
    Run run = gateway("assess", MIXED.toString(), "--format", "csv");

    assertThat(run.exit()).as("mixed.json has an invalid proposal").isEqualTo(1);
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows;
    try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(run.out())) {
      rows = it.readAll();
    }
    assertThat(rows.get(0)).containsExactly("proposalId", "title", "kind", "code", "target", "ruleId", "source", "message");
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(2)).contains("ERROR")
        .allSatisfy(kind -> assertThat(kind).isIn("SCOPE", "IMPACT", "EIA", "EIA_ACTION", "CHALLENGE", "PORTFOLIO",
            "WARNING", "ERROR"));
  }

  @Test
  void since_thePreviousMeeting_showsWithdrawnNewAndTheEiaSinceDone_inJsonTextAndHtml() throws Exception {
    Path previous = dir.resolve("previous.json");
    Run earlier = gateway("assess", PREVIOUS_PLAN.toString(), "--format", "json", "-o", previous.toString());
    assertThat(earlier.exit()).as(earlier.err()).isZero();

    Run json = gateway("assess", SAMPLE.toString(), "--format", "json", "--since", previous.toString());
    Run text = gateway("assess", SAMPLE.toString(), "--since", previous.toString());
    Path pack = dir.resolve("pack.html");
    Run html = gateway("assess", SAMPLE.toString(), "--format", "html", "--since", previous.toString(), "-o",
        pack.toString());

    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode root = JSON.readTree(json.out());
    assertThat(root.get("since").get("asOf").asText()).isEqualTo("2026-10-26");
    assertThat(root.get("since").get("withdrawn").toString()).isEqualTo("[\"LD-2027-019\"]");
    JsonNode added = change(root, "LD-2027-018");
    assertThat(added.get("status").asText()).isEqualTo("NEW");
    JsonNode done = change(root, "LD-2027-017");
    assertThat(done.get("status").asText()).isEqualTo("CHANGED");
    assertThat(done.get("removed").toString()).contains("EIA_OUTSTANDING");
    assertThat(change(root, "NL-2027-001").get("status").asText()).isEqualTo("UNCHANGED");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("Changes since 2026-10-26", "  Withdrawn: LD-2027-019\n",
        "  New: LD-2027-018 ", "  Changed: LD-2027-017 ");
    assertThat(html.exit()).isZero();
    assertThat(Files.readString(pack)).contains("Changes since 26 October 2026", "LD-2027-019", "New since 26 October 2026");
  }

  @Test
  void since_aFileThatIsNotAnAssessment_isExitTwoWithOneSentence() throws Exception {
    Run plan = gateway("assess", SAMPLE.toString(), "--since", SAMPLE.toString());
    Run missing = gateway("assess", SAMPLE.toString(), "--since", dir.resolve("nope.json").toString());
    Run csv = gateway("assess", SAMPLE.toString(), "--format", "csv", "--since", SAMPLE.toString());

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("sample-forward-plan.json: is not the JSON report of a gateway assessment")
        .contains("at /rulesetVersion, it is missing.");
    assertThat(plan.out()).isEmpty();
    noStackTrace(plan);
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: does not exist.");
    noStackTrace(missing);
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(csv.err()).contains("--since shows what changed in the text, json and html reports");
  }

  @Test
  void output_toAFileThatCannotBeWritten_isExitTwoWithOneSentence() throws Exception {
    Run run = gateway("assess", SAMPLE.toString(), "--format", "json", "-o", dir.resolve("no/such/dir/out.json").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("out.json: cannot be written");
    noStackTrace(run);
  }

  @Test
  void text_namesEachProposalByIdAndTitle_withItsAnnualValue() throws Exception {
    Run run = gateway("assess", SAMPLE.toString());

    assertThat(run.out()).contains("NL-2027-001: COUNCIL_WIDE", "  Leisure centres and physical activity; annual value \u00a32,100,000");
  }

  private static JsonNode change(JsonNode root, String id) {
    for (JsonNode a : root.get("assessments")) {
      if (a.get("proposalId").asText().equals(id)) {
        return a.get("changes");
      }
    }
    throw new AssertionError(id + " not assessed");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

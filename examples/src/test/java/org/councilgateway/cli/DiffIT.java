package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy officer's "what would this edit change", from the real jar in its own process. */
class DiffIT {
  private static final Path SAMPLE = Path.of("src/main/resources/plans/sample-forward-plan.json");

  @TempDir
  static Path dir;

  static Path unchanged;
  static Path raised;

  @BeforeAll
  static void copyTheRules() throws Exception {
    unchanged = dir.resolve("unchanged");
    raised = dir.resolve("raised");
    exportWithJava(unchanged);
    exportWithJava(raised);
    Path data = raised.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace("keyDecisionValue: 350000", "keyDecisionValue: 500000"));
  }

  /** A copy of the bundled rule files, as RuleSet.exportBundled writes them. */
  private static void exportWithJava(Path copy) {
    Path export = org.councilgateway.RuleSet.exportBundled(copy.resolveSibling(copy.getFileName() + "-export"));
    try (var files = Files.list(export)) {
      Files.createDirectories(copy);
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anUnchangedCopy_isExitZero_withNoProposalListed() throws Exception {
    Run run = gateway("diff", SAMPLE.toString(), "--rules", unchanged.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("proposals")).isEmpty();
    assertThat(root.get("base").asText()).isEqualTo(root.get("rules").asText());
  }

  @Test
  void aRaisedKeyDecisionValue_isExitOne_listingTheProposalsThatStopBeingKeyDecisions() throws Exception {
    Run json = gateway("diff", SAMPLE.toString(), "--rules", raised.toString(), "--format", "json");
    Run text = gateway("diff", SAMPLE.toString(), "--rules", raised.toString());
    Path page = dir.resolve("diff.html");
    Run html = gateway("diff", SAMPLE.toString(), "--rules", raised.toString(), "--format", "html", "-o", page.toString());

    assertThat(json.exit()).as(json.err()).isEqualTo(1);
    JsonNode proposals = new ObjectMapper().readTree(json.out()).get("proposals");
    assertThat(proposals).extracting(p -> p.get("proposalId").asText()).containsExactly("LD-2027-015", "LD-2027-016");
    assertThat(proposals).allSatisfy(p -> assertThat(p.get("fields").toString()).isEqualTo("{\"keyDecision\":[true,false]}"));
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains("2 proposal(s) would get a different answer",
        "  LD-2027-015 Advocacy services: 10% contract reduction: keyDecision true to false");
    assertThat(html.exit()).isEqualTo(1);
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("LD-2027-016", "keyDecision: true to false");
  }

  @Test
  void scenarioDirectory_comparesEveryScenariosProposals() throws Exception {
    Run run = gateway("diff", "../gateway-rules/src/main/scenarios", "--rules", raised.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode proposals = new ObjectMapper().readTree(run.out()).get("proposals");
    assertThat(proposals).isNotEmpty().allSatisfy(p -> assertThat(p.has("scenario")).isTrue());
  }

  @Test
  void rulesThatDoNotCompile_areExitTwo_withTheirErrors() throws Exception {
    Path broken = dir.resolve("broken");
    exportWithJava(broken);
    Path challenges = broken.resolve("challenge.drl");
    Files.writeString(challenges, Files.readString(challenges).replace("$p : Proposal( !risksAssessed )", "$p : Proposal( !risksAssessed"));

    Run run = gateway("diff", SAMPLE.toString(), "--rules", broken.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("challenge.drl");
    assertThat(run.out()).isEmpty();
    noStackTrace(run);
  }

  @Test
  void anOutputFileThatCannotBeWritten_isExitTwoWithOneSentence() throws Exception {
    Run run = gateway("diff", SAMPLE.toString(), "--rules", unchanged.toString(), "-o",
        dir.resolve("no/such/folder/diff.txt").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("diff.txt: cannot be written");
    noStackTrace(run);
  }
}

package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A council's own field and setting through the real jar: the template gains the field's column, a
 * filled workbook, a CSV file and a JSON plan carry it to a rule that reads it, and a plan that
 * carries a field the rules do not declare is refused at the field.
 */
class LocalFieldsIT {
  @TempDir
  static Path dir;
  static Path rules;

  @BeforeAll
  static void councilRules() throws Exception {
    GatewayJarIT.jarIsBuilt();
    GatewayJarIT.Run init = gateway("init", dir.resolve("council").toString());
    assertThat(init.exit()).as(init.err()).isZero();
    rules = dir.resolve("council/rules");
    Path data = rules.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace("settings:\n", "settings:\n  largeDecommissioningValue: 1000000\n")
        + """

        localFields:
          - {name: marketImpactAssessed, type: boolean, description: Whether the market impact has been assessed}
        localSettings:
          - {name: largeDecommissioningValue, type: number, description: A decommissioning above this is large}
        """);
    Files.writeString(rules.resolve("challenge.drl"), """

        rule "Large decommissioning without a market impact assessment"
          @id("LOCAL-CHL-001")
          @description("A large decommissioning needs a market impact assessment.")
          @source("Change request CR-2026-14")
        when
          $s : Settings()
          $p : Proposal( changeType == ChangeType.DECOMMISSION, annualValue != null,
                         annualValue > $s.local().number("largeDecommissioningValue"),
                         !local().flag("marketImpactAssessed") )
        then
          findings.challenge($p, "CHALLENGE_MARKET_IMPACT", "No market impact assessment.");
        end
        """, StandardOpenOption.APPEND);
  }

  /** Each proposal's challenge codes, by id, from the JSON report. */
  private static java.util.Map<String, List<String>> challenges(String json) throws Exception {
    java.util.Map<String, List<String>> codes = new java.util.TreeMap<>();
    for (JsonNode assessment : new ObjectMapper().readTree(json).get("assessments")) {
      List<String> found = new ArrayList<>();
      assessment.get("challenges").forEach(c -> found.add(c.get("code").asText()));
      codes.put(assessment.get("proposalId").asText(), found);
    }
    return codes;
  }

  @Test
  void aFilledTemplate_carriesTheLocalFieldToTheRule(@TempDir Path work) throws Exception {
    Path template = work.resolve("t.xlsx");
    GatewayJarIT.Run written = gateway("template", "--format", "xlsx", "--rules", rules.toString(), "-o", template.toString());
    GatewayJarIT.Run csvHeader = gateway("template", "--rules", rules.toString());
    assertThat(written.exit()).as(written.err()).isZero();
    assertThat(csvHeader.out().strip()).endsWith(",stage,local.marketImpactAssessed");
    assertThat(Templates.part(template, "xl/sharedStrings.xml"))
        .contains("Whether the market impact has been assessed (a local field: TRUE or FALSE).");
    List<String> columns = List.of(csvHeader.out().strip().split(","));
    List<List<String>> rows = new ArrayList<>();
    for (String[] line : new String[][] {
        {"LIB-1", "Close libraries", "PLACES", "LEISURE", "DECOMMISSION", "2000000", "FALSE"},
        {"LIB-2", "Close libraries", "PLACES", "LEISURE", "DECOMMISSION", "2000000", "TRUE"}}) {
      List<String> row = new ArrayList<>(Collections.nCopies(columns.size(), ""));
      String[] names = {"id", "title", "leadDirectorate", "serviceArea", "changeType", "annualValue",
          "local.marketImpactAssessed"};
      for (int i = 0; i < names.length; i++) {
        row.set(columns.indexOf(names[i]), line[i]);
      }
      rows.add(row);
    }
    Path plan = Templates.fill(template, rows, work.resolve("plan.xlsx"));

    GatewayJarIT.Run run = gateway("assess", plan.toString(), "--rules", rules.toString(), "--format", "json",
        "--as-of", "2026-12-01");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(challenges(run.out()).get("LIB-1")).contains("CHALLENGE_MARKET_IMPACT");
    assertThat(challenges(run.out()).get("LIB-2")).doesNotContain("CHALLENGE_MARKET_IMPACT");
    noStackTrace(run);
  }

  @Test
  void csvAndJson_carryItToo_andAPlanReadForOtherRules_isRefusedAtTheField(@TempDir Path work) throws Exception {
    Path csv = work.resolve("plan.csv");
    Files.writeString(csv, "id,title,leadDirectorate,serviceArea,changeType,annualValue,local.marketImpactAssessed\r\n"
        + "LIB-1,Close libraries,PLACES,LEISURE,DECOMMISSION,2000000,no\r\n", StandardCharsets.UTF_8);
    Path json = work.resolve("plan.json");
    Files.writeString(json, """
        {"proposals": [{"id": "LIB-3", "title": "Close libraries", "leadDirectorate": "PLACES", "serviceArea": "LEISURE",
          "changeType": "DECOMMISSION", "annualValue": 2000000, "local": {"marketImpactAssessed": true}}]}
        """);

    GatewayJarIT.Run fromCsv = gateway("assess", csv.toString(), "--rules", rules.toString(), "--format", "json");
    GatewayJarIT.Run fromJson = gateway("assess", json.toString(), "--rules", rules.toString(), "--format", "json");
    GatewayJarIT.Run bundled = gateway("assess", json.toString());

    assertThat(challenges(fromCsv.out()).get("LIB-1")).contains("CHALLENGE_MARKET_IMPACT");
    assertThat(challenges(fromJson.out()).get("LIB-3")).doesNotContain("CHALLENGE_MARKET_IMPACT");
    assertThat(bundled.exit()).isEqualTo(1);
    assertThat(bundled.out()).contains("/proposals/0/local/marketImpactAssessed: Unknown local field"
        + " \"marketImpactAssessed\": the reference data declares no local fields (localFields).");
    noStackTrace(bundled);
  }

  @Test
  void theFieldsReference_ofTheRules_listsTheirLocalFieldAndSetting() throws Exception {
    GatewayJarIT.Run run = gateway("docs", "--fields", "--rules", rules.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("| `local.marketImpactAssessed` | boolean | Whether the market impact has been assessed |  |")
        .contains("| `largeDecommissioningValue` | number | 1,000,000 | A decommissioning above this is large |");
  }
}

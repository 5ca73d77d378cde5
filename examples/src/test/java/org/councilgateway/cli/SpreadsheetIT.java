package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.councilgateway.PlanReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheet plans through the shaded jar, in a process of its own: assess CSV and XLSX, write the template. */
class SpreadsheetIT {
  private static final String PLAN_JSON = """
      {"proposals": [
        {"id": "NL-2027-010", "title": "Technical services", "leadDirectorate": "PLACES",
         "serviceArea": "TECHNICAL_SERVICES", "changeType": "RECOMMISSION", "annualValue": 1200000,
         "deliveryOptions": ["OUTSOURCE", "COUNCIL_COMPANY"], "risksAssessed": true},
        {"id": "NL-2027-011", "title": "Leisure centres", "leadDirectorate": "PLACES", "serviceArea": "LEISURE",
         "changeType": "REDUCE", "reductionPercent": 20, "startDate": "2027-04-01",
         "fundingSources": [{"source": "PUBLIC_HEALTH_GRANT", "directorate": "PEOPLE", "annualAmount": 600000}]}
      ]}
      """;

  private static final String PLAN_CSV = "id,title,leadDirectorate,serviceArea,changeType,annualValue,deliveryOptions,"
      + "risksAssessed,reductionPercent,startDate,fundingSources\r\n"
      + "NL-2027-010,Technical services,PLACES,TECHNICAL_SERVICES,RECOMMISSION,\"1,200,000\",OUTSOURCE; COUNCIL_COMPANY,yes,,,\r\n"
      + "NL-2027-011,Leisure centres,PLACES,LEISURE,REDUCE,,,,20,2027-04-01,PUBLIC_HEALTH_GRANT:PEOPLE:600000\r\n";

  @BeforeAll
  static void jarIsBuilt() {
    GatewayJarIT.jarIsBuilt();
  }

  @Test
  void assess_csv_givesTheJsonPlansAssessment(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("plan.json");
    Files.writeString(json, PLAN_JSON);
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, PLAN_CSV, StandardCharsets.UTF_8);

    GatewayJarIT.Run fromJson = gateway("assess", json.toString(), "--format", "json", "--as-of", "2026-11-23");
    GatewayJarIT.Run fromCsv = gateway("assess", csv.toString(), "--format", "json", "--as-of", "2026-11-23");

    assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
    assertThat(fromCsv.out()).isEqualTo(fromJson.out());
    noStackTrace(fromCsv);
  }

  @Test
  void assess_csvWithErrors_exitsOneNamingEachCell(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, PLAN_CSV.replace("REDUCE,", "reduce,"), StandardCharsets.UTF_8);

    GatewayJarIT.Run run = gateway("assess", csv.toString(), "--format", "json", "--as-of", "2026-11-23");
    GatewayJarIT.Run text = gateway("assess", csv.toString(), "--as-of", "2026-11-23");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode error = new ObjectMapper().readTree(run.out()).get("errors").get(0);
    assertThat(error.get("path").asText()).isEqualTo("/proposals/1/changeType");
    assertThat(error.get("location").asText()).isEqualTo("E3");
    assertThat(text.out()).contains("/proposals/1/changeType (E3): changeType must be one of");
    noStackTrace(run);
  }

  @Test
  void assess_csvWithAnUnknownHeader_exitsTwoNamingIt(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, PLAN_CSV.replace("annualValue", "annualvalue"), StandardCharsets.UTF_8);

    GatewayJarIT.Run run = gateway("assess", csv.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith(csv + ": has the header \"annualvalue\" in cell F1").doesNotContain("\n");
    noStackTrace(run);
  }

  @Test
  void template_thenAssessTheFilledWorkbook(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("t.xlsx");

    GatewayJarIT.Run written = gateway("template", "--format", "xlsx", "-o", template.toString());

    assertThat(written.exit()).as(written.err()).isZero();
    assertThat(Files.size(template)).isGreaterThan(1000);
    List<String> columns = PlanReader.spreadsheetColumns();
    List<List<String>> rows = new ArrayList<>();
    for (String[] line : new String[][] {
        {"NL-2027-010", "Technical services", "PLACES", "TECHNICAL_SERVICES", "RECOMMISSION", "1200000",
            "OUTSOURCE; COUNCIL_COMPANY", "TRUE", "", "", ""},
        {"NL-2027-011", "Leisure centres", "PLACES", "LEISURE", "REDUCE", "", "", "", "20", "2027-04-01",
            "PUBLIC_HEALTH_GRANT:PEOPLE:600000"}}) {
      List<String> row = new ArrayList<>(Collections.nCopies(columns.size(), ""));
      String[] names = {"id", "title", "leadDirectorate", "serviceArea", "changeType", "annualValue", "deliveryOptions",
          "risksAssessed", "reductionPercent", "startDate", "fundingSources"};
      for (int i = 0; i < names.length; i++) {
        row.set(columns.indexOf(names[i]), line[i]);
      }
      rows.add(row);
    }
    Path plan = Templates.fill(template, rows, dir.resolve("plan.xlsx"));
    Path json = dir.resolve("plan.json");
    Files.writeString(json, PLAN_JSON);

    GatewayJarIT.Run fromXlsx = gateway("assess", plan.toString(), "--format", "json", "--as-of", "2026-11-23");
    GatewayJarIT.Run fromJson = gateway("assess", json.toString(), "--format", "json", "--as-of", "2026-11-23");

    assertThat(fromXlsx.exit()).as(fromXlsx.err()).isZero();
    assertThat(fromXlsx.out()).isEqualTo(fromJson.out());
    noStackTrace(fromXlsx);
  }

  @Test
  void template_csvToStandardOutput() throws Exception {
    GatewayJarIT.Run run = gateway("template");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("id,title,leadDirectorate,serviceArea,changeType,").endsWith(",stage\r\n");
  }
}

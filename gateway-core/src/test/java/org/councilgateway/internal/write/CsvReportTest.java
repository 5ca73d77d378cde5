package org.councilgateway.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;

/**
 * The CSV report of real plans assessed with the bundled rules (compiled from their source in
 * gateway-rules), read back with Jackson's CSV parser.
 */
class CsvReportTest {
  private static final Gateway GATEWAY =
      Gateway.fromDirectory(Path.of("../gateway-rules/src/main/resources/org/councilgateway/rules"));
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final String HEADER = "proposalId,title,kind,code,target,ruleId,source,message";

  /**
   * A plan with a finding of every kind: the product example (scope, key decision, impacts, EIA,
   * challenges), a reduction whose full EIA is outstanding (an EIA action), two directorates
   * commissioning advocacy months apart (a portfolio finding naming both; one names a client group
   * the rules do not know, a warning), and a proposal whose change type is not one (an error).
   */
  private static final String PLAN = """
      {"asOf": "2026-11-23", "proposals": [
      {"id": "NL-2027-003", "title": "Leisure centres and physical activity", "leadDirectorate": "PLACES",
       "serviceArea": "LEISURE", "changeType": "RECOMMISSION",
       "objectives": ["Increase physical activity among the least active"], "outcomes": ["HEALTHIER_POPULATION"],
       "annualValue": 2100000, "termMonths": 60, "startDate": "2027-04-01",
       "fundingSources": [{"source": "COUNCIL_BUDGET", "directorate": "PLACES", "annualAmount": 1500000},
                          {"source": "PUBLIC_HEALTH_GRANT", "directorate": "PEOPLE", "annualAmount": 600000}],
       "clientGroups": ["GENERAL_PUBLIC"], "partners": ["CCG"], "deliveryOptions": ["OUTSOURCE", "COUNCIL_COMPANY"],
       "consulted": ["SERVICE_USERS"], "consultedDirectorates": ["PEOPLE"], "risksAssessed": true,
       "paymentModel": "OUTCOME_BASED",
       "provider": {"name": "Active Lincs Trust", "sector": "VCS", "performance": "GOOD", "otherCouncilContracts": 0},
       "staffing": {"postsDeleted": 0, "postsCreated": 0, "postsRedesignated": 0, "tupeTransfer": false},
       "eia": {"completed": [{"kind": "SERVICE", "level": "SCREENING", "on": "2026-06-01"}],
               "assessorTrainingCurrent": true}},
      {"id": "FU-1", "title": "Meals reduction", "leadDirectorate": "PEOPLE", "serviceArea": "ADULT_SOCIAL_CARE",
       "changeType": "REDUCE", "reductionPercent": 10, "clientGroups": ["OLDER_PEOPLE"], "consulted": ["SERVICE_USERS"],
       "eia": {"assessorTrainingCurrent": true}, "objectives": ["Save money"], "outcomes": ["INDEPENDENCE"],
       "risksAssessed": true},
      {"id": "OV-1A", "title": "Advocacy for adults", "leadDirectorate": "PEOPLE", "serviceArea": "ADVOCACY",
       "changeType": "NEW", "startDate": "2027-04-01", "objectives": ["Voice"], "outcomes": ["VOICE"],
       "risksAssessed": true},
      {"id": "OV-1B", "title": "Tenant advocacy", "leadDirectorate": "PLACES", "serviceArea": "ADVOCACY",
       "changeType": "NEW", "startDate": "2027-09-01", "objectives": ["Voice"], "outcomes": ["TENANT_VOICE"],
       "clientGroups": ["MARTIANS"], "risksAssessed": true},
      {"id": "BAD-1", "title": "Not a change", "leadDirectorate": "PEOPLE", "serviceArea": "ADVOCACY",
       "changeType": "SOMETHING"}
      ]}
      """;

  private static PlanAssessment everyKind() {
    return GATEWAY.assess(PlanReader.create().read(PLAN, PlanReader.Format.JSON, "plan.json"), null);
  }

  private static PlanAssessment titled(String... titles) {
    List<Proposal> proposals = IntStream.range(0, titles.length).mapToObj(i -> Proposal.builder()
        .id("T-" + i).title(titles[i]).leadDirectorate("PEOPLE").serviceArea("ADVOCACY").changeType(ChangeType.NEW)
        .build()).toList();
    return GATEWAY.assess(Plan.of(proposals), AS_OF);
  }

  /** Every row, the header's included, as Jackson's CSV parser reads it. */
  private static List<List<String>> read(String csv) throws IOException {
    CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
        .readValues(csv)) {
      while (it.hasNext()) {
        rows.add(Arrays.asList(it.next()));
      }
    }
    return rows;
  }

  private static List<List<String>> body(String csv) throws IOException {
    List<List<String>> rows = read(csv);
    return rows.subList(1, rows.size());
  }

  private static int column(String name) {
    return Arrays.asList(HEADER.split(",")).indexOf(name);
  }

  /** The rows the JSON report implies, each as proposal id, kind, code and target, in its order. */
  private static List<List<String>> expectedFromJson(PlanAssessment result) throws IOException {
    JsonNode json = new ObjectMapper().readTree(Reports.json(result));
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode a : json.get("assessments")) {
      String id = a.get("proposalId").asText();
      a.get("scopeReasons").forEach(code -> rows.add(List.of(id, "SCOPE", code.asText(), "")));
      if (a.get("keyDecision").asBoolean()) {
        rows.add(List.of(id, "SCOPE", "KEY_DECISION", ""));
      }
      a.get("impacts").forEach(f -> rows.add(List.of(id, "IMPACT", f.get("code").asText(), f.path("target").asText(""))));
      for (JsonNode kind : a.get("eia").get("assessments")) {
        kind.get("reasons").forEach(code -> rows.add(List.of(id, "EIA", code.asText(), kind.get("kind").asText())));
      }
      a.get("eia").get("actions").forEach(f -> rows.add(List.of(id, "EIA_ACTION", f.get("code").asText(),
          f.path("target").asText(""))));
      a.get("challenges").forEach(f -> rows.add(List.of(id, "CHALLENGE", f.get("code").asText(),
          f.path("target").asText(""))));
      a.get("portfolio").forEach(p -> rows.add(List.of(id, "PORTFOLIO", p.get("code").asText(), p.get("id").asText())));
      a.get("warnings").forEach(w -> rows.add(List.of(id, "WARNING", w.get("code").asText(), w.get("target").asText())));
    }
    json.get("errors").forEach(e -> rows.add(List.of(e.path("proposalId").asText(""), "ERROR", "", e.get("path").asText())));
    return rows;
  }

  @Test
  void csv_startsWithTheExactHeader() throws IOException {
    String csv = Reports.csv(everyKind());

    assertThat(csv).startsWith(HEADER + "\r\n");
    assertThat(read(csv).get(0)).containsExactly("proposalId", "title", "kind", "code", "target", "ruleId", "source",
        "message");
  }

  @Test
  void csv_rowsFollowTheJsonReportsOrder_everyKindPresent() throws IOException {
    PlanAssessment result = everyKind();

    List<List<String>> rows = body(Reports.csv(result));

    assertThat(rows).extracting(r -> List.of(r.get(column("proposalId")), r.get(column("kind")), r.get(column("code")),
        r.get(column("target")))).containsExactlyElementsOf(expectedFromJson(result));
    assertThat(rows).extracting(r -> r.get(column("kind"))).containsSubsequence("SCOPE", "IMPACT", "EIA", "EIA_ACTION",
        "CHALLENGE", "PORTFOLIO", "WARNING", "ERROR")
        .containsOnly("SCOPE", "IMPACT", "EIA", "EIA_ACTION", "CHALLENGE", "PORTFOLIO", "WARNING", "ERROR");
  }

  @Test
  void csv_findingRows_carryTheFindingsRuleSourceMessageAndTheProposalsTitle() throws IOException {
    PlanAssessment result = everyKind();
    Assessment example = result.assessments().get(0);

    List<List<String>> rows = body(Reports.csv(result));

    assertThat(rows).filteredOn(r -> r.get(column("proposalId")).equals("NL-2027-003"))
        .allSatisfy(r -> assertThat(r.get(column("title"))).isEqualTo("Leisure centres and physical activity"));
    assertThat(rows).filteredOn(r -> r.get(column("code")).equals("KEY_DECISION")).singleElement().satisfies(r -> {
      assertThat(r.get(column("kind"))).isEqualTo("SCOPE");
      assertThat(r.get(column("ruleId"))).isEqualTo(example.keyDecisionReason().ruleId());
      assertThat(r.get(column("source"))).isEqualTo(example.keyDecisionReason().source());
      assertThat(r.get(column("message"))).isEqualTo(example.keyDecisionReason().message());
    });
    assertThat(rows).filteredOn(r -> r.get(column("kind")).equals("IMPACT")).first().satisfies(r -> {
      assertThat(r.get(column("ruleId"))).isEqualTo(example.impacts().get(0).ruleId()).isNotEmpty();
      assertThat(r.get(column("source"))).isEqualTo(example.impacts().get(0).source()).isNotEmpty();
      assertThat(r.get(column("message"))).isEqualTo(example.impacts().get(0).message()).isNotEmpty();
    });
    EiaAssessment full = result.assessments().get(1).eia().assessments().get(0);
    assertThat(rows).filteredOn(r -> r.get(column("proposalId")).equals("FU-1") && r.get(column("kind")).equals("EIA"))
        .hasSize(full.findings().size()).allSatisfy(r -> {
          Finding reason = full.findings().stream().filter(f -> f.code().equals(r.get(column("code")))).findFirst()
              .orElseThrow();
          assertThat(r.get(column("target"))).isEqualTo("SERVICE");
          assertThat(r.get(column("ruleId"))).isEqualTo(reason.ruleId()).startsWith("GW-EIA-");
          assertThat(r.get(column("source"))).isEqualTo(reason.source()).isNotEmpty();
          assertThat(r.get(column("message"))).isEqualTo(reason.message()).isNotEmpty();
        });
    assertThat(rows).filteredOn(r -> r.get(column("kind")).equals("WARNING")).singleElement().satisfies(r -> {
      assertThat(r).startsWith("OV-1B", "Tenant advocacy", "WARNING", "UNKNOWN_CLIENT_GROUP", "MARTIANS", "", "");
      assertThat(r.get(column("message"))).contains("MARTIANS");
    });
  }

  @Test
  void csv_portfolioFinding_appearsOncePerProposalItNames() throws IOException {
    PlanAssessment result = everyKind();
    assertThat(result.portfolio()).isNotEmpty();

    List<List<String>> rows = body(Reports.csv(result));

    for (PortfolioFinding p : result.portfolio()) {
      List<List<String>> its = rows.stream()
          .filter(r -> r.get(column("kind")).equals("PORTFOLIO") && r.get(column("target")).equals(p.id())).toList();
      assertThat(its).extracting(r -> r.get(column("proposalId"))).containsExactlyElementsOf(p.proposalIds());
      assertThat(its).allSatisfy(r -> {
        assertThat(r.get(column("code"))).isEqualTo(p.code());
        assertThat(r.get(column("ruleId"))).isEqualTo(p.ruleId());
        assertThat(r.get(column("source"))).isEqualTo(p.source());
        assertThat(r.get(column("message"))).isEqualTo(p.message());
      });
    }
    assertThat(rows).filteredOn(r -> r.get(column("kind")).equals("PORTFOLIO"))
        .hasSize(result.portfolio().stream().mapToInt(p -> p.proposalIds().size()).sum());
  }

  @Test
  void csv_errorRow_hasItsPathInTarget() throws IOException {
    PlanAssessment result = everyKind();
    assertThat(result.errors()).isNotEmpty();

    List<List<String>> rows = body(Reports.csv(result));

    List<List<String>> errors = rows.stream().filter(r -> r.get(column("kind")).equals("ERROR")).toList();
    assertThat(errors).hasSameSizeAs(result.errors());
    assertThat(errors.get(0)).containsExactly("BAD-1", "", "ERROR", "", "/proposals/4/changeType", "", "",
        result.errors().get(0).message());
    assertThat(rows.subList(rows.size() - errors.size(), rows.size())).isEqualTo(errors);
  }

  @Test
  void csv_cellsASpreadsheetWouldRunAsFormulas_getALeadingQuote() throws IOException {
    List<String> titles = List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "Safe = title");

    List<List<String>> rows = body(Reports.csv(titled(titles.toArray(String[]::new))));

    for (int i = 0; i < titles.size(); i++) {
      String id = "T-" + i;
      String shown = i < 4 ? "'" + titles.get(i) : titles.get(i);
      assertThat(rows).filteredOn(r -> r.get(column("proposalId")).equals(id)).isNotEmpty()
          .allSatisfy(r -> assertThat(r.get(column("title"))).isEqualTo(shown));
    }
  }

  @Test
  void cell_escapesFirst_thenGuardsEveryFormulaStart() {
    assertThat(CsvReport.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvReport.cell("+1")).isEqualTo("'+1");
    assertThat(CsvReport.cell("-1")).isEqualTo("'-1");
    assertThat(CsvReport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReport.cell("\t=1")).isEqualTo("\\u0009=1");
    assertThat(CsvReport.cell("\r=1")).isEqualTo("\\u000d=1");
    assertThat(CsvReport.cell("a-b")).isEqualTo("a-b");
    assertThat(CsvReport.cell(null)).isEmpty();
  }

  @Test
  void csv_titleWithACommaAQuoteAndANewline_roundTripsEscaped() throws IOException {
    String csv = Reports.csv(titled("Meals, \"hot\" and\ncold"));

    assertThat(csv).contains(",\"Meals, \"\"hot\"\" and\\u000acold\",")
        .doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
    assertThat(body(csv)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(column("title"))).isEqualTo("Meals, \"hot\" and\\u000acold"));
  }

  @Test
  void csv_planWithNoFindings_isJustTheHeader() throws IOException {
    PlanAssessment empty = GATEWAY.assess(Plan.of(List.of()), AS_OF);

    String csv = Reports.csv(empty);

    assertThat(csv).isEqualTo(HEADER + "\r\n");
    assertThat(read(csv)).hasSize(1);
  }

  @Test
  void csv_streamedLongPlan_isTheSameText_proposalsInInputOrder() throws IOException {
    String[] titles = IntStream.range(0, 300).mapToObj(i -> "Title " + i).toArray(String[]::new);
    PlanAssessment result = titled(titles);
    StringWriter out = new StringWriter();

    Reports.csv(result, out);

    assertThat(out.toString()).isEqualTo(CsvReport.write(result));
    assertThat(body(out.toString()).stream().map(r -> r.get(column("proposalId"))).distinct().toList())
        .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "T-" + i).toList());
  }
}

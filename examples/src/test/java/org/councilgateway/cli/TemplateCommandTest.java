package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.RuleSet;
import org.councilgateway.assessment.PlanAssessment;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway template}: the header in the spec's order, drop-down lists of the codes, and a template that fills and assesses. */
class TemplateCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run gateway(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GatewayCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void csv_isTheHeaderRowInTheSpecsOrder() {
    Run run = gateway("template");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(String.join(",", PlanReader.spreadsheetColumns()) + "\r\n");
    assertThat(run.out()).startsWith("id,title,leadDirectorate,serviceArea,changeType,objectives,outcomes,annualValue,"
        + "termMonths,startDate,reductionPercent,affectedDirectorates,fundingSources,clientGroups,partners,deliveryOptions,"
        + "commissionerManagesInHouseProvider,consulted,consultedDirectorates,risksAssessed,paymentModel,provider.name,"
        + "provider.sector,provider.performance,provider.otherCouncilContracts,eligibilityChange,staffing.postsDeleted,"
        + "staffing.postsCreated,staffing.postsRedesignated,staffing.tupeTransfer,wards,eia.completed,"
        + "eia.assessorTrainingCurrent,serviceReviewedOn,socialValueConsidered,contractMonitoring.owner,"
        + "contractMonitoring.level,stage\r\n");
  }

  @Test
  void xlsx_withoutOutput_isAParameterError() {
    Run run = gateway("template", "--format", "xlsx");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("give -o FILE");
  }

  @Test
  void xlsx_hasTheHeaderDropDownsAndTheColumnsExplained(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("template.xlsx");

    Run run = gateway("template", "--format", "xlsx", "-o", file.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("Proposals", "Columns", "Codes");
      List<Row> header = sheets.get(0).read();
      assertThat(header).hasSize(1);
      List<String> names = new ArrayList<>();
      header.get(0).forEach(cell -> names.add(cell.getText()));
      assertThat(names).isEqualTo(PlanReader.spreadsheetColumns());
      List<Row> explained = sheets.get(1).read();
      assertThat(explained.get(5).getCellText(0)).isEqualTo("changeType");
      assertThat(explained.get(5).getCellText(2)).contains("NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION");
      List<Row> codes = sheets.get(2).read();
      List<String> lists = new ArrayList<>();
      codes.get(0).forEach(cell -> lists.add(cell == null ? null : cell.getText()));
      int directorates = lists.indexOf("leadDirectorate");
      List<String> directorateCodes = new ArrayList<>();
      for (Row row : codes.subList(1, codes.size())) {
        String code = row.getCellText(directorates);
        if (!code.isEmpty()) {
          directorateCodes.add(code);
        }
      }
      assertThat(directorateCodes).containsExactlyElementsOf(RuleSet.bundled().referenceData().directorates().stream()
          .map(d -> d.code()).toList());
    }
    String sheet = Templates.part(file, "xl/worksheets/sheet1.xml");
    assertThat(sheet).contains("<dataValidation").contains("type=\"list\"");
    // changeType is column E: its list is the change types, and refuses anything else.
    assertThat(sheet).containsPattern("<dataValidation sqref=\"E2:E" + (TemplateCommand.ROWS + 1)
        + "\" type=\"list\"[^>]*errorStyle=\"stop\"[^>]*><formula1>'?Codes'?!\\$C\\$2:\\$C\\$7</formula1>");
  }

  @Test
  void xlsx_filledIn_isAssessed(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("template.xlsx");
    assertThat(gateway("template", "--format", "xlsx", "-o", template.toString()).exit()).isZero();
    List<String> columns = PlanReader.spreadsheetColumns();
    List<String> first = new ArrayList<>(Collections.nCopies(columns.size(), ""));
    first.set(columns.indexOf("id"), "NL-2027-010");
    first.set(columns.indexOf("title"), "Technical services");
    first.set(columns.indexOf("leadDirectorate"), "PLACES");
    first.set(columns.indexOf("serviceArea"), "TECHNICAL_SERVICES");
    first.set(columns.indexOf("changeType"), "RECOMMISSION");
    first.set(columns.indexOf("annualValue"), "1,200,000");
    List<String> second = new ArrayList<>(first);
    second.set(columns.indexOf("id"), "NL-2027-011");
    second.set(columns.indexOf("changeType"), "reduce");
    Path filled = Templates.fill(template, List.of(first, second), dir.resolve("plan.xlsx"));

    Plan plan = PlanReader.create().read(filled);
    PlanAssessment result = Gateway.of(RuleSet.bundled()).assess(plan, LocalDate.of(2026, 11, 23));

    assertThat(result.assessments()).extracting(a -> a.proposalId()).containsExactly("NL-2027-010");
    assertThat(plan.proposals().get(0).annualValue()).isEqualTo(1_200_000L);
    assertThat(result.errors()).extracting(e -> e.path(), e -> e.location())
        .containsExactly(org.assertj.core.api.Assertions.tuple("/proposals/1/changeType", "Proposals!E3"));
  }
}

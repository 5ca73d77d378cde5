package org.councilgateway.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.LocalField;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Consultee;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.model.GateStage;
import org.councilgateway.model.MonitoringLevel;
import org.councilgateway.model.PaymentModel;
import org.councilgateway.model.Performance;
import org.councilgateway.model.Sector;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway template}: an empty forward-plan spreadsheet, its header row in the order of
 * {@link PlanReader#spreadsheetColumns()}; as XLSX, with drop-down lists of the valid codes and a
 * sheet explaining each column.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = {"Writes an empty forward-plan spreadsheet to fill in and assess.",
        "CSV: the header row. XLSX: the header row, drop-down lists of the valid codes (the format's and the",
        "rule set's reference data: directorates, service areas, client groups, partners) and a sheet that",
        "explains each column. -o FILE is required for XLSX."})
final class TemplateCommand implements Callable<Integer> {
  enum Format { csv, xlsx }

  /** The rows below the header that get drop-down lists. */
  static final int ROWS = 1000;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default) or xlsx.")
  Format format;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A rules directory whose reference data gives the drop-down lists, instead of the bundled rules.")
  Path rules;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes the template to FILE (required for xlsx).")
  Path output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** What each column holds, for the sheet that explains them: required?, what, example. */
  static final Map<String, String[]> EXPLAINED = explained();

  private static Map<String, String[]> explained() {
    Map<String, String[]> columns = new LinkedHashMap<>();
    columns.put("id", new String[] {"yes", "The proposal's reference, unique in the plan.", "NL-2027-003"});
    columns.put("title", new String[] {"yes", "What is being commissioned.", "Leisure centres and physical activity"});
    columns.put("leadDirectorate", new String[] {"yes", "The directorate leading it: a code of the reference data.", "PLACES"});
    columns.put("serviceArea", new String[] {"yes", "The service area: a code of the reference data.", "LEISURE"});
    columns.put("changeType", new String[] {"yes", "What kind of change: " + codes(ChangeType.values()) + ".", "RECOMMISSION"});
    columns.put("objectives", new String[] {"", "The objectives, separated by ;.", "Increase physical activity among the least active"});
    columns.put("outcomes", new String[] {"", "The outcome codes, free text, separated by ;.", "HEALTHIER_POPULATION"});
    columns.put("annualValue", new String[] {"", "The annual value in pounds, a whole number.", "2100000"});
    columns.put("termMonths", new String[] {"", "The contract term in months, a whole number.", "60"});
    columns.put("startDate", new String[] {"", "The start date: a date cell, or text yyyy-MM-dd.", "2027-04-01"});
    columns.put("reductionPercent", new String[] {"", "For a reduction: the cut in percent, above 0 and at most 100.", "15"});
    columns.put("affectedDirectorates", new String[] {"", "Other directorates affected, separated by ;.", "PEOPLE"});
    columns.put("fundingSources", new String[] {"", "Funding, separated by ;: SOURCE, SOURCE:DIRECTORATE or "
        + "SOURCE:DIRECTORATE:ANNUAL_AMOUNT (SOURCE::AMOUNT without a directorate). Sources: "
        + codes(org.councilgateway.model.FundingType.values()) + ".",
        "COUNCIL_BUDGET:PLACES:1500000; PUBLIC_HEALTH_GRANT:PEOPLE:600000"});
    columns.put("clientGroups", new String[] {"", "The client groups served, codes of the reference data separated by ;.", "GENERAL_PUBLIC"});
    columns.put("partners", new String[] {"", "Partner commissioners, codes of the reference data separated by ;.", "CCG"});
    columns.put("deliveryOptions", new String[] {"", "The delivery options considered, separated by ;: "
        + codes(DeliveryOption.values()) + ".", "OUTSOURCE; COUNCIL_COMPANY"});
    columns.put("commissionerManagesInHouseProvider", new String[] {"", "TRUE or FALSE (yes or no).", "FALSE"});
    columns.put("consulted", new String[] {"", "Who was consulted, separated by ;: " + codes(Consultee.values()) + ".", "SERVICE_USERS"});
    columns.put("consultedDirectorates", new String[] {"", "Directorates consulted, separated by ;.", "PEOPLE"});
    columns.put("risksAssessed", new String[] {"", "TRUE or FALSE (yes or no).", "TRUE"});
    columns.put("paymentModel", new String[] {"", "How the provider is paid: " + codes(PaymentModel.values()) + ".", "OUTCOME_BASED"});
    columns.put("provider.name", new String[] {"with a provider", "The current provider's name; leave every provider "
        + "column empty when there is none.", "Active Lincs Trust"});
    columns.put("provider.sector", new String[] {"", "The provider's sector: " + codes(Sector.values()) + ".", "VCS"});
    columns.put("provider.performance", new String[] {"", "The provider's performance: " + codes(Performance.values()) + ".", "GOOD"});
    columns.put("provider.otherCouncilContracts", new String[] {"", "The provider's other contracts with the council, a whole number.", "0"});
    columns.put("eligibilityChange", new String[] {"", "TRUE when eligibility for the service changes.", "FALSE"});
    columns.put("staffing.postsDeleted", new String[] {"", "Posts deleted, a whole number.", "0"});
    columns.put("staffing.postsCreated", new String[] {"", "Posts created, a whole number.", "0"});
    columns.put("staffing.postsRedesignated", new String[] {"", "Posts redesignated, a whole number.", "0"});
    columns.put("staffing.tupeTransfer", new String[] {"", "TRUE when staff transfer under TUPE.", "FALSE"});
    columns.put("wards", new String[] {"", "The wards affected, separated by ;.", "Ashby; Brigg"});
    columns.put("eia.completed", new String[] {"", "Equality impact assessments done, separated by ;: KIND:LEVEL:DATE "
        + "(kind SERVICE or STAFFING, level SCREENING or FULL).", "SERVICE:SCREENING:2026-06-01"});
    columns.put("eia.assessorTrainingCurrent", new String[] {"", "TRUE when the EIA's assessor's training is current.", "TRUE"});
    columns.put("serviceReviewedOn", new String[] {"", "When the service was last reviewed: a date cell, or text yyyy-MM-dd.", "2025-09-30"});
    columns.put("socialValueConsidered", new String[] {"", "TRUE when social value was considered.", "TRUE"});
    columns.put("contractMonitoring.owner", new String[] {"", "Who monitors the contract.", "Head of Leisure"});
    columns.put("contractMonitoring.level", new String[] {"", "How closely: " + codes(MonitoringLevel.values()) + ".", "STANDARD"});
    columns.put("stage", new String[] {"", "The gate the proposal is at: " + codes(GateStage.values()) + ".", "OPTIONS"});
    return columns;
  }

  private static String codes(Enum<?>[] values) {
    return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
  }

  @Override
  public Integer call() {
    // A rules directory may declare local fields: each is a local.NAME column after the format's own.
    List<String> columns = rules == null ? PlanReader.spreadsheetColumns()
        : PlanReader.create().forRules(GatewayCommand.ruleSet(rules)).columns();
    if (format == Format.csv) {
      String header = String.join(",", columns) + "\r\n";
      if (output == null) {
        spec.commandLine().getOut().print(header);
        spec.commandLine().getOut().flush();
        return GatewayCommand.OK;
      }
      try {
        Files.writeString(output, header, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e);
      }
      return GatewayCommand.OK;
    }
    if (output == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "An XLSX template is a binary file: give -o FILE to write it to.");
    }
    ReferenceData reference = GatewayCommand.ruleSet(rules).referenceData();
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(output))) {
      write(out, columns, reference);
    } catch (IOException e) {
      return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e);
    }
    return GatewayCommand.OK;
  }


  /**
   * Writes the workbook: the proposals sheet, the sheet explaining the columns, and the codes the
   * drop-down lists offer.
   */
  static void write(OutputStream out, List<String> columns, ReferenceData reference) throws IOException {
    Workbook workbook = new Workbook(out, "gateway", "1.0");
    Worksheet proposals = workbook.newWorksheet("Proposals");
    Worksheet explained = workbook.newWorksheet("Columns");
    Worksheet codes = workbook.newWorksheet("Codes");

    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("leadDirectorate", reference.directorates().stream().map(Directorate::code).toList());
    lists.put("serviceArea", reference.serviceAreas().stream().map(ServiceArea::code).toList());
    lists.put("changeType", names(ChangeType.values()));
    lists.put("affectedDirectorates", lists.get("leadDirectorate"));
    lists.put("clientGroups", reference.clientGroups().stream().map(ClientGroup::code).toList());
    lists.put("partners", reference.partnerCommissioners().stream().map(PartnerCommissioner::code).toList());
    lists.put("deliveryOptions", names(DeliveryOption.values()));
    lists.put("consulted", names(Consultee.values()));
    lists.put("consultedDirectorates", lists.get("leadDirectorate"));
    lists.put("paymentModel", names(PaymentModel.values()));
    lists.put("provider.sector", names(Sector.values()));
    lists.put("provider.performance", names(Performance.values()));
    lists.put("contractMonitoring.level", names(MonitoringLevel.values()));
    lists.put("stage", names(GateStage.values()));
    List<String> booleans = List.of("TRUE", "FALSE");
    Map<String, String[]> explainedLocal = new LinkedHashMap<>();
    Map<String, LocalField.Type> localTypes = new HashMap<>();
    for (LocalField field : reference.localFields()) {
      String column = "local." + field.name();
      localTypes.put(column, field.type());
      explainedLocal.put(column, new String[] {"", field.description() + " (a local field: " + switch (field.type()) {
        case BOOLEAN -> "TRUE or FALSE";
        case NUMBER -> "a whole number";
        case TEXT -> "a text";
        case DATE -> "a date cell, or text yyyy-MM-dd";
        case CODES -> "codes separated by ;" + (field.values().isEmpty() ? "" : ": " + String.join(", ", field.values()));
      } + ").", ""});
      if (field.type() == LocalField.Type.CODES && !field.values().isEmpty()) {
        lists.put(column, field.values());
      }
    }
    for (String column : columns) {
      if (localTypes.get(column) == LocalField.Type.BOOLEAN || EXPLAINED.containsKey(column) && EXPLAINED.get(column)[1].startsWith("TRUE")) {
        lists.put(column, booleans);
      }
    }
    // The codes sheet: one column per list, its name in row 1.
    List<String> listed = new ArrayList<>(lists.keySet());
    for (int c = 0; c < listed.size(); c++) {
      codes.value(0, c, listed.get(c));
      codes.style(0, c).bold().set();
      List<String> values = lists.get(listed.get(c));
      for (int r = 0; r < values.size(); r++) {
        codes.value(r + 1, c, values.get(r));
      }
      codes.width(c, 24);
    }

    for (int c = 0; c < columns.size(); c++) {
      String column = columns.get(c);
      proposals.value(0, c, column);
      proposals.style(0, c).bold().set();
      proposals.width(c, Math.max(14, column.length() + 4));
      List<String> values = lists.get(column);
      if (values != null && !values.isEmpty()) {
        int codeColumn = listed.indexOf(column);
        // A code list that holds every valid value refuses others; a list cell (several codes
        // separated by ;) and the reference data's open codes only offer theirs.
        boolean closed = values == booleans || !isList(column) && !column.equals("leadDirectorate")
            && !column.equals("serviceArea") && !column.startsWith("local.");
        proposals.range(1, c, ROWS, c).validateWithList(codes.range(1, codeColumn, values.size(), codeColumn))
            .allowBlank(true).showErrorMessage(closed)
            .errorStyle(closed ? DataValidationErrorStyle.STOP : DataValidationErrorStyle.INFORMATION)
            .errorTitle(column).error(column + " must be one of the codes in the list.");
      }
      if (column.equals("startDate") || column.equals("serviceReviewedOn")
          || localTypes.get(column) == LocalField.Type.DATE) {
        proposals.style(c).format("yyyy-mm-dd").set();
      }
    }
    proposals.freezePane(1, 1);

    String[] headings = {"Column", "Required", "What it holds", "Example"};
    for (int c = 0; c < headings.length; c++) {
      explained.value(0, c, headings[c]);
      explained.style(0, c).bold().set();
    }
    explained.width(0, 34);
    explained.width(1, 16);
    explained.width(2, 90);
    explained.width(3, 50);
    for (int r = 0; r < columns.size(); r++) {
      String[] about = EXPLAINED.containsKey(columns.get(r)) ? EXPLAINED.get(columns.get(r))
          : explainedLocal.getOrDefault(columns.get(r), new String[] {"", "", ""});
      explained.value(r + 1, 0, columns.get(r));
      explained.value(r + 1, 1, about[0]);
      explained.value(r + 1, 2, about[1]);
      explained.value(r + 1, 3, about[2]);
    }
    int note = columns.size() + 2;
    explained.value(note, 0, "Row 1 of the first sheet names the columns (in any order); each later row is one "
        + "proposal. An empty cell is a field left out; a list cell holds its entries separated by ;. Errors name "
        + "their cell, such as Proposals!E7.");
    workbook.finish();
  }

  private static boolean isList(String column) {
    return List.of("affectedDirectorates", "clientGroups", "partners", "deliveryOptions", "consulted",
        "consultedDirectorates").contains(column);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}

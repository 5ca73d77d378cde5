package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plans from spreadsheets: CSV and XLSX rows read by the rules of the JSON format, each error with its cell. */
@DisplayName("PlanReader reading spreadsheets")
class SpreadsheetPlanTest {
  private static final PlanReader READER = PlanReader.create();

  /** The header of every column, in the template's order. */
  private static final List<String> ALL = PlanReader.spreadsheetColumns();

  /** PRODUCT.md's example proposal as a row under {@link #ALL}. */
  private static final List<Object> EXAMPLE = Arrays.asList("NL-2027-003", "Leisure centres and physical activity",
      "PLACES", "LEISURE", "RECOMMISSION", "Increase physical activity among the least active", "HEALTHIER_POPULATION",
      2_100_000, 60, LocalDate.of(2027, 4, 1), null, null,
      "COUNCIL_BUDGET:PLACES:1500000; PUBLIC_HEALTH_GRANT:PEOPLE:600000", "GENERAL_PUBLIC", "CCG",
      "OUTSOURCE;COUNCIL_COMPANY", false, "SERVICE_USERS", "PEOPLE", true, "OUTCOME_BASED", "Active Lincs Trust", "VCS",
      "GOOD", 0, false, 0, 0, 0, false, null, "SERVICE:SCREENING:2026-06-01", true, null, null, null, null, null);

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof Boolean b ? (b ? "TRUE" : "FALSE") : value.toString();
    return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static String csvLine(List<?> row) {
    return String.join(",", row.stream().map(SpreadsheetPlanTest::csvCell).toList());
  }

  private static Path csv(Path dir, String... lines) throws IOException {
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    return file;
  }

  private static List<Object> required(String id, String title, String lead, String area, String change) {
    return new ArrayList<>(Arrays.asList(id, title, lead, area, change));
  }

  @Test
  void schemeIsTheSpecsColumnsInOrder() {
    assertThat(ALL).hasSize(38).startsWith("id", "title", "leadDirectorate", "serviceArea", "changeType")
        .endsWith("serviceReviewedOn", "socialValueConsidered", "contractMonitoring.owner", "contractMonitoring.level",
            "stage");
  }

  @Nested
  @DisplayName("CSV")
  class Csv {
    @Test
    void productExample_readsAsTheJsonProposalDoes(@TempDir Path dir) throws IOException {
      Plan plan = READER.read(csv(dir, String.join(",", ALL), csvLine(EXAMPLE)));

      assertThat(plan.errors()).isEmpty();
      assertThat(plan.asOf()).isNull();
      assertThat(plan.proposals()).containsExactly(PlanReaderTest.PRODUCT_EXAMPLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "UTF-8 with BOM", "windows-1252"})
    void encodings_readTheSameText(String encoding, @TempDir Path dir) throws IOException {
      String text = "id,title,leadDirectorate,serviceArea,changeType\r\nP-1,Café services £5m – “new”,PEOPLE,YOUTH,NEW\r\n";
      byte[] bytes = encoding.equals("windows-1252") ? text.getBytes(Charset.forName("windows-1252"))
          : text.getBytes(StandardCharsets.UTF_8);
      if (encoding.endsWith("BOM")) {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] both = Arrays.copyOf(bom, 3 + bytes.length);
        System.arraycopy(bytes, 0, both, 3, bytes.length);
        bytes = both;
      }
      Path file = dir.resolve("plan.CSV");
      Files.write(file, bytes);

      Plan plan = READER.read(file);

      assertThat(plan.errors()).isEmpty();
      assertThat(plan.proposals()).extracting(Proposal::id, Proposal::title)
          .containsExactly(tuple("P-1", "Café services £5m – “new”"));
    }

    @Test
    void cellsOfEachKind_readAsTheirFields(@TempDir Path dir) throws IOException {
      Plan plan = READER.read(csv(dir,
          "id,title,leadDirectorate,serviceArea,changeType,annualValue,risksAssessed,eligibilityChange,wards,"
              + "provider.name,provider.sector,fundingSources,reductionPercent,startDate",
          "P-1,\"Lunch clubs, with \"\"hot\"\" meals\",PEOPLE,YOUTH,REDUCE,\"1,500,000\",yes,No, Ashby ; Brigg ;,,,"
              + "NHS;COUNCIL_BUDGET::250000;POLICE:PEOPLE,12.5,2027-04-01"));

      assertThat(plan.errors()).isEmpty();
      Proposal p = plan.proposals().get(0);
      assertThat(p.title()).isEqualTo("Lunch clubs, with \"hot\" meals");
      assertThat(p.annualValue()).isEqualTo(1_500_000L);
      assertThat(p.risksAssessed()).isTrue();
      assertThat(p.eligibilityChange()).isFalse();
      assertThat(p.wards()).containsExactly("Ashby", "Brigg");
      assertThat(p.provider()).as("provider cells all empty: no provider").isNull();
      assertThat(p.fundingSources()).extracting(f -> f.source().name(), f -> f.directorate(), f -> f.annualAmount())
          .containsExactly(tuple("NHS", null, null), tuple("COUNCIL_BUDGET", null, 250_000L), tuple("POLICE", "PEOPLE", null));
      assertThat(p.reductionPercent()).isEqualByComparingTo("12.5");
      assertThat(p.startDate()).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void errors_carryTheirCell_andIndexSkipsEmptyRows(@TempDir Path dir) throws IOException {
      Plan plan = READER.read(csv(dir,
          "id,title,leadDirectorate,serviceArea,changeType,annualValue,provider.sector,fundingSources,eia.completed",
          "A,Youth clubs,PEOPLE,YOUTH,NEW,,,,",
          ",,,,,,,,",
          "",
          "B,Youth clubs,PEOPLE,YOUTH,reduce,lots,,,",
          "A,,PEOPLE,YOUTH,NEW,,PRIVATE,NHS:PEOPLE:x;FOO,SERVICE:SCREENING:2026-02-30:extra"));

      assertThat(plan.proposals()).extracting(Proposal::id).containsExactly("A");
      assertThat(plan.errors()).extracting(InputError::index, InputError::proposalId, InputError::path,
          InputError::location).containsExactly(
          tuple(1, "B", "/proposals/1/annualValue", "F5"),
          tuple(1, "B", "/proposals/1/changeType", "E5"),
          tuple(2, "A", "/proposals/2/eia/completed/0", "I6"),
          tuple(2, "A", "/proposals/2/fundingSources/0/annualAmount", "H6"),
          tuple(2, "A", "/proposals/2/fundingSources/1/source", "H6"),
          tuple(2, "A", "/proposals/2/id", "A6"),
          tuple(2, "A", "/proposals/2/provider/name", "G6"),
          tuple(2, "A", "/proposals/2/title", "B6"));
      assertThat(plan.errors().get(1).message())
          .isEqualTo("changeType must be one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was \"reduce\".");
      assertThat(plan.errors().get(0).message())
          .isEqualTo("annualValue must be a whole number of at least 0, but was \"lots\".");
      assertThat(plan.errors().get(2).message()).isEqualTo("Each entry of eia.completed must be KIND:LEVEL:DATE, but this is"
          + " \"SERVICE:SCREENING:2026-02-30:extra\".");
      assertThat(plan.errors().get(5).message()).isEqualTo("The id A is already used by an earlier proposal in the plan.");
    }

    @Test
    void headerNotInTheScheme_isUnusableNamingItsCell(@TempDir Path dir) throws IOException {
      Path file = csv(dir, "id,title,leadDirectorate,serviceArea,changeType,colour", "A,T,PEOPLE,YOUTH,NEW,red");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageStartingWith(file + ": has the header \"colour\" in cell F1, which is not a column of the plan format");
    }

    @Test
    void headerTwice_isUnusableNamingBothCells(@TempDir Path dir) throws IOException {
      Path file = csv(dir, "id,title,leadDirectorate,serviceArea,changeType,title", "A,T,PEOPLE,YOUTH,NEW,T");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessage(file + ": has the header \"title\" twice, in cells B1 and F1.");
    }

    @Test
    void requiredColumnMissing_isUnusable(@TempDir Path dir) throws IOException {
      Path file = csv(dir, "id,title,leadDirectorate,changeType", "A,T,PEOPLE,NEW");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("has no column \"serviceArea\" in its header (row 1)");
    }

    @Test
    void valueUnderNoHeader_isUnusable(@TempDir Path dir) throws IOException {
      Path file = csv(dir, "id,title,leadDirectorate,serviceArea,changeType,", "A,T,PEOPLE,YOUTH,NEW,", "B,T,PEOPLE,YOUTH,NEW,x");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("has a value in cell F3, under no header");
    }

    @Test
    void unbalancedQuote_isAClearErrorWithItsLine(@TempDir Path dir) throws IOException {
      Path file = csv(dir, "id,title,leadDirectorate,serviceArea,changeType", "A,T,PEOPLE,YOUTH,NEW",
          "B,\"Day centres,PEOPLE,YOUTH,NEW", "C,T,PEOPLE,YOUTH,NEW");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageMatching(java.util.regex.Pattern.quote(file.toString())
              + ": is not valid CSV \\(line \\d+\\): a quoted cell is never closed .*");
    }

    @Test
    void hundredMegabyteCell_isRefused(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("plan.csv");
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        out.write("id,title,leadDirectorate,serviceArea,changeType\nA,".getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        for (int i = 0; i < 100; i++) {
          out.write(block);
        }
        out.write(",PEOPLE,YOUTH,NEW\n".getBytes(StandardCharsets.US_ASCII));
      }

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("a cell is longer than the 1,000,000 characters a cell may hold");
    }

    @Test
    void rowsBeyondTheLimit_areRefusedNamingIt(@TempDir Path dir) throws IOException {
      List<String> lines = new ArrayList<>(List.of("id,title,leadDirectorate,serviceArea,changeType"));
      for (int i = 0; i < 11; i++) {
        lines.add("P-" + i + ",T,PEOPLE,YOUTH,NEW");
      }
      Path file = csv(dir, lines.toArray(String[]::new));
      PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withSheetRows(10)).build());

      assertThat(PlanReader.create().read(file).proposals()).hasSize(11);
      assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("has more than 10 proposals (rows below the header)")
          .hasMessageContaining("--limit sheetRows=");
    }

    @Test
    void readStreamAndString_readCsvToo() {
      String text = "id,title,leadDirectorate,serviceArea,changeType\nA,T,PEOPLE,YOUTH,NEW\n";

      assertThat(READER.read(text, PlanReader.Format.CSV, "x").proposals()).extracting(Proposal::id).containsExactly("A");
      assertThat(READER.readStream(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          PlanReader.Format.CSV, "x").proposals()).extracting(Proposal::id).containsExactly("A");
      assertThatThrownBy(() -> READER.readProposal(text, PlanReader.Format.CSV, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("XLSX")
  class Xlsx {
    private List<List<Object>> rows(List<?>... rows) {
      List<List<Object>> all = new ArrayList<>();
      for (List<?> row : rows) {
        all.add(new ArrayList<>(row));
      }
      return all;
    }

    @Test
    void productExample_readsAsTheJsonProposalDoes(@TempDir Path dir) throws IOException {
      Path file = Workbooks.write(dir.resolve("plan.xlsx"), "Proposals", rows(ALL, EXAMPLE));

      Plan plan = READER.read(file);

      assertThat(plan.errors()).isEmpty();
      assertThat(plan.proposals()).containsExactly(PlanReaderTest.PRODUCT_EXAMPLE);
    }

    @Test
    void errors_carrySheetAndCell(@TempDir Path dir) throws IOException {
      List<Object> header = new ArrayList<>(List.of("id", "title", "leadDirectorate", "serviceArea", "changeType",
          "termMonths", "risksAssessed"));
      Path file = Workbooks.write(dir.resolve("Plan.XLSX"), "Forward plan", rows(header,
          List.of("A", "T", "PEOPLE", "YOUTH", "NEW", 12, true),
          List.of("B", "T", "PEOPLE", "YOUTH", "NEW", 1.5, "maybe")));

      Plan plan = READER.read(file);

      assertThat(plan.errors()).extracting(InputError::path, InputError::location).containsExactly(
          tuple("/proposals/1/risksAssessed", "'Forward plan'!G3"),
          tuple("/proposals/1/termMonths", "'Forward plan'!F3"));
      assertThat(plan.proposals().get(0).termMonths()).isEqualTo(12);
      assertThat(plan.proposals().get(0).risksAssessed()).isTrue();
    }

    @Test
    void numberInATextColumn_isItsDigits(@TempDir Path dir) throws IOException {
      Path file = Workbooks.write(dir.resolve("plan.xlsx"), "Proposals",
          rows(List.of("id", "title", "leadDirectorate", "serviceArea", "changeType"), List.of(2027, "T", "PEOPLE", "YOUTH", "NEW")));

      assertThat(READER.read(file).proposals()).extracting(Proposal::id).containsExactly("2027");
    }

    @Test
    void dateCellInATextColumn_isAnErrorAtItsCell(@TempDir Path dir) throws IOException {
      Path file = Workbooks.write(dir.resolve("plan.xlsx"), "Proposals",
          rows(List.of("id", "title", "leadDirectorate", "serviceArea", "changeType", "startDate"),
              List.of("A", LocalDate.of(2027, 1, 3), "PEOPLE", "YOUTH", "NEW", LocalDate.of(2027, 4, 1))));

      Plan plan = READER.read(file);

      assertThat(plan.proposals()).isEmpty();
      assertThat(plan.errors()).containsExactly(new InputError(0, "A", "/proposals/0/title",
          "title is a date cell (2027-01-03), but title is a text: the spreadsheet took what was typed for a date."
              + " Format the cell as text and type it again.", "Proposals!B2"));
    }

    @Test
    void formulaWithASavedValue_isReadAsItsValue(@TempDir Path dir) throws IOException {
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", "<row r=\"1\">"
          + Workbooks.text("A1", "id") + Workbooks.text("B1", "title") + Workbooks.text("C1", "leadDirectorate")
          + Workbooks.text("D1", "serviceArea") + Workbooks.text("E1", "changeType") + Workbooks.text("F1", "annualValue")
          + Workbooks.text("G1", "startDate") + Workbooks.text("H1", "risksAssessed") + "</row>"
          + "<row r=\"2\">" + Workbooks.text("A2", "A") + "<c r=\"B2\" t=\"str\"><f>\"Day \"&amp;\"care\"</f><v>Day care</v></c>"
          + Workbooks.text("C2", "PEOPLE") + Workbooks.text("D2", "YOUTH") + Workbooks.text("E2", "NEW")
          + "<c r=\"F2\"><f>12*1000</f><v>12000</v></c><c r=\"G2\" s=\"1\"><f>DATE(2027,4,1)</f><v>46478</v></c>"
          + "<c r=\"H2\" t=\"b\"><f>1=1</f><v>1</v></c></row>");

      Plan plan = READER.read(file);

      assertThat(plan.errors()).isEmpty();
      Proposal p = plan.proposals().get(0);
      assertThat(p.title()).isEqualTo("Day care");
      assertThat(p.annualValue()).isEqualTo(12_000L);
      assertThat(p.startDate()).isEqualTo(LocalDate.of(2027, 4, 1));
      assertThat(p.risksAssessed()).isTrue();
    }

    @Test
    void formulaWithNoSavedValueOrAnError_isAnErrorAtItsCell(@TempDir Path dir) throws IOException {
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", "<row r=\"1\">"
          + Workbooks.text("A1", "id") + Workbooks.text("B1", "title") + Workbooks.text("C1", "leadDirectorate")
          + Workbooks.text("D1", "serviceArea") + Workbooks.text("E1", "changeType") + Workbooks.text("F1", "annualValue")
          + "</row><row r=\"2\">" + Workbooks.text("A2", "A") + "<c r=\"B2\"><f>C2&amp;D2</f></c>"
          + Workbooks.text("C2", "PEOPLE") + Workbooks.text("D2", "YOUTH") + Workbooks.text("E2", "NEW")
          + "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>");

      Plan plan = READER.read(file);

      assertThat(plan.proposals()).isEmpty();
      assertThat(plan.errors()).extracting(InputError::path, InputError::location, InputError::message).containsExactly(
          tuple("/proposals/0/annualValue", "Proposals!F2",
              "annualValue is a formula (=1/0) whose value is the error #DIV/0!."),
          tuple("/proposals/0/title", "Proposals!B2", "title is a formula (=C2&D2) with no saved value: open and save"
              + " the workbook in a spreadsheet program, or paste the value in its place."));
    }

    @Test
    void formulaWrittenByAWriterThatDoesNotCalculate_isAnError(@TempDir Path dir) throws IOException {
      Path file = Workbooks.write(dir.resolve("plan.xlsx"), "Proposals",
          rows(List.of("id", "title", "leadDirectorate", "serviceArea", "changeType", "annualValue"),
              List.of("A", "T", "PEOPLE", "YOUTH", "NEW", new Workbooks.Formula("1000*12"))));

      assertThat(READER.read(file).errors()).extracting(InputError::location).containsExactly("Proposals!F2");
    }

    @Test
    void zipBomb_isRefusedBeforeParsing(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("bomb.xlsx");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
        Workbooks.parts(zip, "Proposals");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        for (int i = 0; i < 200; i++) {
          zip.write(spaces);
        }
        zip.closeEntry();
      }
      assertThat(Files.size(file)).as("a small file").isLessThan(1_000_000);

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("\"xl/worksheets/sheet1.xml\" expands more than 100 times")
          .hasMessageContaining("zip bomb");
    }

    @Test
    void partsBeyondThePlanLimit_areRefusedNamingIt(@TempDir Path dir) throws IOException {
      Path file = Workbooks.write(dir.resolve("plan.xlsx"), "Proposals",
          rows(List.of("id", "title", "leadDirectorate", "serviceArea", "changeType"), List.of("A", "T", "PEOPLE", "YOUTH", "NEW")));
      PlanReader small = PlanReader.create(GatewayOptions.builder()
          .limits(Limits.DEFAULTS.withPlanBytes(Files.size(file) + 10)).build());

      assertThatThrownBy(() -> small.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("is refused unread: its parts expand to more than")
          .hasMessageContaining("--limit planBytes=");
    }

    @Test
    void millionRows_areRefusedAtTheRowLimit(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("rows.xlsx");
      try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        zip.setLevel(1);
        Workbooks.parts(zip, "Proposals");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"")
            .append(Workbooks.MAIN).append("\"><sheetData>").append(Workbooks.requiredHeader());
        for (int r = 2; r <= 1_048_576; r++) {
          xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
          if (xml.length() > 1 << 20) {
            zip.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
            xml.setLength(0);
          }
        }
        xml.append("</sheetData></worksheet>");
        zip.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
      }

      long started = System.nanoTime();
      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("has more than 100,000 proposals (rows below the header)");
      assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(30_000);
    }

    @Test
    void cellLongerThanAString_isRefused(@TempDir Path dir) throws IOException {
      java.util.Random random = new java.util.Random(1);
      StringBuilder text = new StringBuilder(1_000_001);
      for (int i = 0; i < 1_000_001; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", Workbooks.requiredHeader() + "<row r=\"2\">"
          + Workbooks.text("A2", "A") + Workbooks.text("B2", text.toString()) + Workbooks.text("C2", "PEOPLE")
          + Workbooks.text("D2", "YOUTH") + Workbooks.text("E2", "NEW") + "</row>");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("has 1,000,001 characters in one cell, more than the 1,000,000 a cell may hold");
    }

    @Test
    void readStream_readsAWorkbook(@TempDir Path dir) throws IOException {
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", Workbooks.requiredHeader()
          + Workbooks.requiredRow(2, "A"));

      try (java.io.InputStream in = Files.newInputStream(file)) {
        assertThat(READER.readStream(in, PlanReader.Format.XLSX, "upload").proposals()).extracting(Proposal::id)
            .containsExactly("A");
      }
      assertThatThrownBy(() -> READER.read("x", PlanReader.Format.XLSX, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingInRowOne_isUnusable(@TempDir Path dir) throws IOException {
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", Workbooks.requiredHeader().replace("r=\"1\"", "r=\"2\"")
          .replace("1\"", "2\"") + Workbooks.requiredRow(3, "A"));

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessage(file + ": has nothing in row 1, which must name the columns (id, title, leadDirectorate,"
              + " serviceArea, changeType, ...).");
    }

    @Test
    void notAWorkbook_isUnusable(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("plan.xlsx");
      Files.writeString(file, "id,title\n");

      assertThatThrownBy(() -> READER.read(file)).isInstanceOf(InvalidPlanException.class)
          .hasMessageStartingWith(file + ": is not an XLSX workbook");
    }

    @Test
    void emptyRowsAndSkippedRows_keepRowNumbersAndIndexes(@TempDir Path dir) throws IOException {
      Path file = Workbooks.raw(dir.resolve("plan.xlsx"), "Proposals", Workbooks.requiredHeader()
          + Workbooks.requiredRow(2, "A") + "<row r=\"3\"><c r=\"A3\" s=\"1\"/></row>"
          + Workbooks.requiredRow(7, "A"));

      Plan plan = READER.read(file);

      assertThat(plan.errors()).containsExactly(new InputError(1, "A", "/proposals/1/id",
          "The id A is already used by an earlier proposal in the plan.", "Proposals!A7"));
    }
  }

  @Nested
  @DisplayName("reports")
  class ReportsShowLocation {
    @Test
    void json_writesLocationRightAfterPath_andTextShowsIt(@TempDir Path dir) throws IOException {
      Plan plan = READER.read(csv(dir, "id,title,leadDirectorate,serviceArea,changeType", "A,T,PEOPLE,YOUTH,reduce"));
      org.councilgateway.assessment.PlanAssessment result = new org.councilgateway.assessment.PlanAssessment(
          "sha256:0", LocalDate.of(2026, 11, 23), List.of(), List.of(), plan.errors());

      java.io.StringWriter json = new java.io.StringWriter();
      Reports.json(result, json);
      java.io.StringWriter text = new java.io.StringWriter();
      Reports.text(result, text);

      assertThat(json.toString().replaceAll("\\s+", ""))
          .contains("\"path\":\"/proposals/0/changeType\",\"location\":\"E2\",\"message\"");
      assertThat(text.toString()).contains("/proposals/0/changeType (E2): changeType must be one of");
    }
  }
}

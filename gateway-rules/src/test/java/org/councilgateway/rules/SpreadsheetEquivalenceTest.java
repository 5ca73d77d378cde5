package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.assessment.PlanAssessment;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same proposals give the same assessment, byte for byte, whether read from JSON, YAML, CSV or
 * XLSX, apart from {@code location} in errors: generated plans (valid and broken proposals, unknown
 * codes, repeated ids, every field) written in each format, each cell written in one of the ways a
 * spreadsheet holds it (thousands separators, yes/no, date cells, numeric and boolean cells).
 */
class SpreadsheetEquivalenceTest {
  private static final int PLANS = Integer.getInteger("properties.spreadsheetPlans", 40);
  private static final long SEED = Long.getLong("properties.seed", 20_261_123L);
  private static final Gateway GATEWAY = Gateway.bundled();
  private static final PlanReader READER = PlanReader.create();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> COLUMNS = PlanReader.spreadsheetColumns();

  @Test
  void generatedPlans_giveTheSameAssessmentFromEveryFormat(@TempDir Path dir) throws IOException {
    SplittableRandom seeds = new SplittableRandom(SEED);
    int errors = 0;
    int assessed = 0;
    for (int n = 0; n < PLANS; n++) {
      long seed = seeds.nextLong();
      ArrayNode proposals = expressible(RandomPlans.generate(seed));
      SplittableRandom random = new SplittableRandom(seed);
      ObjectNode document = NODES.objectNode();
      document.set("proposals", proposals);

      Path json = Files.writeString(dir.resolve("plan-" + n + ".json"), JSON.writeValueAsString(document));
      Path yaml = Files.writeString(dir.resolve("plan-" + n + ".yaml"), new YAMLMapper().writeValueAsString(document));
      Path csv = Files.writeString(dir.resolve("plan-" + n + ".csv"), csv(proposals, random), StandardCharsets.UTF_8);
      Path xlsx = xlsx(dir.resolve("plan-" + n + ".xlsx"), proposals, random);

      String expected = assess(json);
      assertThat(assess(yaml)).as("YAML, seed %d", seed).isEqualTo(expected);
      assertThat(withoutLocations(assess(csv))).as("CSV, seed %d", seed).isEqualTo(expected);
      assertThat(withoutLocations(assess(xlsx))).as("XLSX, seed %d", seed).isEqualTo(expected);
      JsonNode result = JSON.readTree(expected);
      errors += result.get("errors").size();
      assessed += result.get("assessments").size();
      // Every error from a spreadsheet names its cell.
      for (JsonNode error : JSON.readTree(assess(xlsx)).get("errors")) {
        assertThat(error.get("location").asText()).matches("Proposals![A-Z]+[0-9]+");
      }
    }
    assertThat(errors).as("errors compared").isGreaterThan(10);
    assertThat(assessed).as("assessments compared").isGreaterThan(100);
  }

  private static String assess(Path plan) {
    Plan read = READER.read(plan);
    PlanAssessment result = GATEWAY.assess(read, RandomPlans.AS_OF);
    StringWriter out = new StringWriter();
    Reports.json(result, out);
    return out.toString();
  }

  private static String withoutLocations(String report) {
    return report.lines().filter(line -> !line.matches("\\s*\"location\": \".*\",")).map(line -> line + "\n")
        .collect(Collectors.joining());
  }

  /**
   * The generated entries a spreadsheet can hold: objects, without a field the format does not
   * define (which is a header, so the whole sheet's fault), a blank id (an empty cell is no id) or
   * a non-text in a list of texts (a cell is text).
   */
  private static ArrayNode expressible(RandomPlans.GeneratedPlan plan) throws IOException {
    ArrayNode proposals = NODES.arrayNode();
    for (RandomPlans.Entry entry : plan.entries()) {
      JsonNode node = JSON.readTree(entry.json());
      if (!node.isObject() || node.has("colour") || node.has("id") && node.get("id").asText().isBlank()) {
        continue;
      }
      boolean texts = true;
      for (String list : List.of("clientGroups", "partners", "objectives", "outcomes", "wards")) {
        for (JsonNode item : node.path(list)) {
          texts &= item.isTextual();
        }
      }
      if (texts) {
        proposals.add(node);
      }
    }
    return proposals;
  }

  /** A proposal's value in a column, or null when it has none. */
  private static JsonNode field(JsonNode proposal, String column) {
    int dot = column.indexOf('.');
    JsonNode value = dot < 0 ? proposal.get(column) : proposal.path(column.substring(0, dot)).get(column.substring(dot + 1));
    return value == null || value.isNull() || value.isArray() && value.isEmpty() ? null : value;
  }

  /** A list, funding sources or completed EIAs as a cell's text. */
  private static String listText(String column, JsonNode list, SplittableRandom random) {
    List<String> entries = new ArrayList<>();
    for (JsonNode item : list) {
      if (column.equals("fundingSources")) {
        String entry = item.path("source").asText();
        boolean amount = item.has("annualAmount");
        if (item.has("directorate") || amount) {
          entry += ":" + item.path("directorate").asText("");
        }
        if (amount) {
          entry += ":" + item.get("annualAmount").asText();
        }
        entries.add(entry);
      } else if (column.equals("eia.completed")) {
        List<String> parts = new ArrayList<>();
        for (String part : List.of("kind", "level", "on")) {
          if (item.has(part)) {
            parts.add(item.get(part).asText());
          }
        }
        entries.add(String.join(":", parts));
      } else {
        entries.add(item.asText());
      }
    }
    return String.join(random.nextBoolean() ? ";" : " ; ", entries);
  }

  private static String csv(ArrayNode proposals, SplittableRandom random) {
    StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (JsonNode proposal : proposals) {
      List<String> cells = new ArrayList<>();
      for (String column : COLUMNS) {
        JsonNode value = field(proposal, column);
        String cell;
        if (value == null) {
          cell = "";
        } else if (value.isArray()) {
          cell = listText(column, value, random);
        } else if (value.isBoolean()) {
          cell = pick(random, value.asBoolean() ? List.of("TRUE", "true", "yes", "Yes") : List.of("FALSE", "false", "no", "NO"));
        } else if (value.isIntegralNumber() && value.asLong() >= 1000 && random.nextBoolean()) {
          cell = NumberFormat.getIntegerInstance(Locale.UK).format(value.asLong());
        } else if (value.isNumber()) {
          cell = value.isIntegralNumber() ? value.asText() : value.decimalValue().toString();
        } else {
          cell = value.asText();
        }
        cells.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
      }
      text.append(String.join(",", cells)).append("\r\n");
    }
    return text.toString();
  }

  private static Path xlsx(Path file, ArrayNode proposals, SplittableRandom random) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "gateway tests", "1.0");
      Worksheet sheet = workbook.newWorksheet("Proposals");
      for (int c = 0; c < COLUMNS.size(); c++) {
        sheet.value(0, c, COLUMNS.get(c));
      }
      for (int r = 0; r < proposals.size(); r++) {
        for (int c = 0; c < COLUMNS.size(); c++) {
          String column = COLUMNS.get(c);
          JsonNode value = field(proposals.get(r), column);
          int row = r + 1;
          if (value == null) {
            continue;
          }
          if (value.isArray()) {
            sheet.value(row, c, listText(column, value, random));
          } else if (value.isBoolean()) {
            sheet.value(row, c, value.asBoolean());
          } else if (value.isNumber()) {
            sheet.value(row, c, value.isIntegralNumber() ? (Number) value.asLong() : (Number) new BigDecimal(value.asText()));
          } else if ((column.equals("startDate") || column.equals("serviceReviewedOn")) && random.nextBoolean()
              && value.asText().matches("\\d{4}-\\d{2}-\\d{2}") && valid(value.asText())) {
            sheet.value(row, c, LocalDate.parse(value.asText()));
            sheet.style(row, c).format("dd/mm/yyyy").set();
          } else {
            sheet.value(row, c, value.asText());
          }
        }
      }
      workbook.finish();
    }
    return file;
  }

  private static boolean valid(String date) {
    try {
      LocalDate.parse(date);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private static String pick(SplittableRandom random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}

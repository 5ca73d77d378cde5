package org.councilgateway.internal.write;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.councilgateway.InputError;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.assessment.Warning;
import org.councilgateway.internal.Text;

/**
 * Writes results as CSV, every finding one row, for people who filter in a spreadsheet.
 *
 * <p>The header is {@code proposalId,title,kind,code,target,ruleId,source,message}. Rows come in the
 * JSON report's order: per assessment, in input order, its {@code SCOPE} rows (the scope reasons, then
 * the {@code KEY_DECISION} reason when it is a key decision, which the JSON report shows only as
 * {@code keyDecision: true}), {@code IMPACT}, {@code EIA} (one row per reason of each kind required),
 * {@code EIA_ACTION}, {@code CHALLENGE}, {@code PORTFOLIO} (each portfolio finding that names it, so a
 * finding appears once per proposal it names) and {@code WARNING} rows; then an {@code ERROR} row per
 * input error. The title is the proposal's title, and empty on an error row.
 *
 * <ul>
 *   <li>An {@code EIA} row's code is the reason's code and its target the kind ({@code SERVICE} or
 *       {@code STAFFING}); its rule id, source and message are the rule's that found the reason.
 *   <li>A {@code PORTFOLIO} row's target is the finding's id ({@code PF-0001} onwards, as in the JSON and
 *       text reports): filtering on it shows one row per proposal the finding names, and the
 *       {@code proposalId} column of those rows lists them.
 *   <li>A {@code WARNING} row has an empty rule id and source; an {@code ERROR} row an empty title, code,
 *       rule id and source, the error's JSON pointer as its target and an empty proposal id when the
 *       proposal has none. Gate blockers get no rows of their own: each is the code of a challenge or
 *       EIA action that has its row.
 * </ul>
 *
 * <p>RFC 4180: rows end in CRLF, the header's included, and a cell with a comma or a double quote is
 * quoted, its quotes doubled. Every cell is first escaped as the other reports escape ({@link
 * Text#escape}: a newline, carriage return, tab or other control character becomes a backslash,
 * {@code u} and four hex digits), so that no cell spans lines and nothing in it can act on a terminal;
 * then a cell beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading {@code '}, so that a spreadsheet shows it as text and never runs it as a formula.
 */
public final class CsvReport {
  /** The header's columns, in order. */
  static final List<String> COLUMNS = List.of("proposalId", "title", "kind", "code", "target", "ruleId", "source",
      "message");

  /** Writes a row per value, quoting as RFC 4180 asks and only when a cell needs it; CRLF after each row. */
  private static final ObjectWriter ROWS;

  static {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    ROWS = mapper.writerFor(String[].class)
        .with(schema.build().withoutHeader().withLineSeparator("\r\n").withoutEscapeChar().withNullValue(""));
  }

  /** The header row, as every report begins. */
  private static final String HEADER = rows(List.<String[]>of(COLUMNS.toArray(String[]::new)));

  private CsvReport() {}

  /**
   * Writes a plan's assessment.
   *
   * @param result the assessment
   * @return the CSV text: the header and a row per finding, each ending in CRLF
   */
  public static String write(PlanAssessment result) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(result, out);
    return out.toString();
  }

  /**
   * Streams a plan's assessment as {@link #write(PlanAssessment)} returns it; a long plan's
   * proposals are rendered on every core.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.Writer out) {
    Map<String, PortfolioFinding> portfolio = result.portfolio().stream()
        .collect(Collectors.toMap(PortfolioFinding::id, Function.identity(), (first, second) -> first));
    try {
      out.write(HEADER);
      Rendering.inOrder(result.assessments(), a -> rows(assessment(a, portfolio)), out::write);
      Rendering.inOrder(result.errors(), e -> rows(List.<String[]>of(error(e))), out::write);
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One assessment's rows, in the JSON report's order. */
  private static List<String[]> assessment(Assessment a, Map<String, PortfolioFinding> portfolio) {
    List<String[]> rows = new ArrayList<>();
    for (Finding f : a.scopeReasons()) {
      rows.add(finding(a, "SCOPE", f));
    }
    if (a.keyDecisionReason() != null) {
      rows.add(finding(a, "SCOPE", a.keyDecisionReason()));
    }
    for (Finding f : a.impacts()) {
      rows.add(finding(a, "IMPACT", f));
    }
    for (EiaAssessment kind : a.eia().assessments()) {
      for (Finding reason : kind.findings()) {
        rows.add(row(a, "EIA", reason.code(), kind.kind().name(), reason.ruleId(), reason.source(), reason.message()));
      }
    }
    for (Finding f : a.eia().actions()) {
      rows.add(finding(a, "EIA_ACTION", f));
    }
    for (Finding f : a.challenges()) {
      rows.add(finding(a, "CHALLENGE", f));
    }
    for (PortfolioRef ref : a.portfolio()) {
      PortfolioFinding p = portfolio.get(ref.id());
      rows.add(p == null
          ? row(a, "PORTFOLIO", ref.code(), ref.id(), "", "", "")
          : row(a, "PORTFOLIO", p.code(), p.id(), p.ruleId(), p.source(), p.message()));
    }
    for (Warning w : a.warnings()) {
      rows.add(row(a, "WARNING", w.code(), w.target(), "", "", w.message()));
    }
    return rows;
  }

  private static String[] finding(Assessment a, String kind, Finding f) {
    return row(a, kind, f.code(), f.target(), f.ruleId(), f.source(), f.message());
  }

  private static String[] row(Assessment a, String kind, String code, String target, String ruleId, String source,
      String message) {
    return cells(a.proposalId(), a.proposal().title(), kind, code, target, ruleId, source, message);
  }

  private static String[] error(InputError e) {
    return cells(e.proposalId(), "", "ERROR", "", e.path(), "", "", e.message());
  }

  private static String[] cells(String... values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = cell(values[i]);
    }
    return values;
  }

  /**
   * A value as a cell: escaped as every report escapes, then, when a spreadsheet would take it for a
   * formula, behind a {@code '}; null as empty.
   *
   * @param value the value, or null
   * @return the cell's text
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String escaped = Text.escape(value);
    return switch (escaped.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + escaped;
      default -> escaped;
    };
  }

  /** Rows as CSV text, each ending in CRLF. */
  private static String rows(List<String[]> rows) {
    java.io.StringWriter text = new java.io.StringWriter(rows.size() * 160);
    try (SequenceWriter writer = ROWS.writeValues(text)) {
      for (String[] row : rows) {
        writer.write(row);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return text.toString();
  }
}

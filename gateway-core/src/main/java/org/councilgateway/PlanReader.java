package org.councilgateway;

import org.councilgateway.model.Proposal;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.read.PlanParser;
import org.councilgateway.internal.ReadLimits;

/**
 * Reads forward plans and proposals from JSON or YAML, and plans from spreadsheets (CSV, or the
 * first worksheet of an XLSX workbook). Every problem in a proposal is reported with its JSON
 * pointer and a sentence, and in a spreadsheet with its cell too; a bad proposal never stops the
 * good ones. Immutable and thread-safe.
 */
public final class PlanReader {
  private static final PlanReader DEFAULT = new PlanReader(GatewayOptions.defaults());

  private final GatewayOptions options;
  private final PlanParser parser;
  private final ReadLimits limits;

  private PlanReader(GatewayOptions options) {
    this(options, java.util.List.of());
  }

  private PlanReader(GatewayOptions options, java.util.List<org.councilgateway.facts.LocalField> localFields) {
    this.options = options;
    this.limits = ReadLimits.of(options.limits());
    this.parser = new PlanParser(limits, options.executor(), localFields);
  }

  /**
   * A reader with the default limits, which accept plans of hundreds of thousands of proposals.
   *
   * @return the reader
   */
  public static PlanReader create() {
    return DEFAULT;
  }

  /**
   * A reader with the given options: of their limits, {@link Limits#planBytes()} bounds every plan,
   * whatever its source, and {@link Limits#numberDigits()} and {@link Limits#numberScale()} every
   * number in it; a long plan's proposals are read on their executor.
   *
   * @param options the options
   * @return the reader
   */
  public static PlanReader create(GatewayOptions options) {
    Objects.requireNonNull(options, "options");
    return options == GatewayOptions.defaults() ? DEFAULT : new PlanReader(options);
  }

  /**
   * A reader like this one that also reads the local fields a rule set's reference data declares
   * ({@code localFields}): a proposal may then carry them under {@code local}, and a spreadsheet as
   * {@code local.NAME} columns, each read and checked as its declared type. Without it, a plan that
   * carries a local field is refused at that field, as no local field is declared.
   *
   * @param rules the rule set the plan is to be assessed with
   * @return the reader
   */
  public PlanReader forRules(RuleSet rules) {
    Objects.requireNonNull(rules, "rules");
    var localFields = rules.referenceData().localFields();
    return localFields.isEmpty() ? new PlanReader(options) : new PlanReader(options, localFields);
  }

  /**
   * The columns a plan's spreadsheet may have when read by this reader, in the order
   * {@code gateway template} writes them: {@link #spreadsheetColumns()}, then a {@code local.NAME}
   * column for each local field of the rule set it was made {@link #forRules for}.
   *
   * @return the column headers
   */
  public java.util.List<String> columns() {
    return parser.columns();
  }

  /**
   * Reads a plan file, in the format its name ends with, ignoring case: CSV for {@code .csv}, an
   * XLSX workbook for {@code .xlsx}, YAML for {@code .yaml} or {@code .yml}, else JSON. Only a
   * regular file is read, and no more of it than {@link Limits#planBytes()}.
   *
   * <p>A spreadsheet's row 1 names the columns, by the proposal's fields ({@code provider.name} for
   * a nested one; {@link #spreadsheetColumns()}), and each later non-empty row is a proposal, read
   * by the rules of the JSON format; each error names its cell ({@link InputError#location()}). A
   * spreadsheet has no {@code asOf}. A workbook's zip is checked before it is parsed: its parts may
   * expand to no more than {@link Limits#planBytes()}, and no large part more than 100 times; a
   * spreadsheet may have no more than {@link Limits#sheetRows()} proposals.
   *
   * @param file the file
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the file does not exist, is not a regular file (a directory,
   *     a device or a pipe), is larger than the limit, cannot be read, is not JSON or YAML, has no
   *     {@code proposals} list, a bad {@code asOf} or a top-level field the format does not define;
   *     or, for a spreadsheet, is not CSV or a workbook, would expand beyond the limit, has a header
   *     the format does not define, the same header twice or no required column, or too many rows
   */
  public Plan read(Path file) {
    Objects.requireNonNull(file, "file");
    String lower = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return parser.csv(BoundedRead.bytes(file, limits.maxDocumentChars(), "plan"), file.toString());
    }
    if (lower.endsWith(".xlsx")) {
      return parser.xlsx(BoundedRead.bytes(file, limits.maxDocumentChars(), "plan"), file.toString());
    }
    return parser.plan(BoundedRead.text(file, limits.maxDocumentChars(), "plan"), file.toString(), null);
  }

  /**
   * Reads a plan from a stream in the given format, to its end; no more of it than
   * {@link Limits#planBytes()}. The stream is not closed.
   *
   * @param in the stream: UTF-8 for JSON and YAML; for CSV, UTF-8 or else Windows-1252
   * @param format its format
   * @param name its name in messages
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the stream cannot be read, is larger than the limit or the
   *     plan is unusable
   */
  public Plan readStream(InputStream in, Format format, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(name, "name");
    return switch (format) {
      case CSV -> parser.csv(BoundedRead.bytes(in, name, limits.maxDocumentChars(), "plan"), name);
      case XLSX -> parser.xlsx(BoundedRead.bytes(in, name, limits.maxDocumentChars(), "plan"), name);
      case JSON, YAML -> parser.plan(BoundedRead.text(in, name, limits.maxDocumentChars(), "plan"), name,
          format == Format.YAML);
    };
  }

  /**
   * The columns a plan's spreadsheet may have, in the order {@code gateway template} writes them:
   * the proposal's fields, a nested one as {@code object.field}.
   *
   * @return the column headers
   */
  public static java.util.List<String> spreadsheetColumns() {
    return PlanParser.spreadsheetColumns();
  }

  /**
   * Reads a plan from a stream, such as standard input, to its end; no more of it than
   * {@link Limits#planBytes()}. The stream is not closed.
   *
   * @param in the stream, UTF-8
   * @param name its name in messages; a name ending in {@code .yaml} or {@code .yml} means YAML,
   *     any other name means JSON when the plan starts with <code>{</code> and YAML otherwise
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the stream cannot be read, is larger than the limit or the
   *     plan is unusable
   */
  public Plan readStream(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return parser.plan(BoundedRead.text(in, name, limits.maxDocumentChars(), "plan"), name, null);
  }

  /** The formats a plan or proposal is written in. */
  public enum Format {
    /** JSON. */
    JSON,
    /** YAML (1.1, as SnakeYAML reads it; aliases are refused). */
    YAML,
    /** CSV: a spreadsheet's rows, the first naming the columns (for plans only). */
    CSV,
    /** An XLSX workbook, of which the first worksheet is read as CSV's rows are (for plans only). */
    XLSX
  }

  /**
   * Reads a plan document, guessing its format: YAML when its name ends in {@code .yaml} or
   * {@code .yml}, JSON when it ends in {@code .json}, else JSON when the document starts with
   * <code>{</code> or {@code [} and YAML otherwise. Give the format with
   * {@link #read(String, Format, String)} when you know it.
   *
   * @param content the document
   * @param name its name in messages
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan read(String content, String name) {
    return parser.plan(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"), null);
  }

  /**
   * Reads a plan document in the given format, whatever its name.
   *
   * @param content the document
   * @param format its format: JSON, YAML or CSV (a workbook is not text: read it with
   *     {@link #read(Path)} or {@link #readStream(InputStream, Format, String)})
   * @param name its name in messages
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   * @throws IllegalArgumentException when the format is XLSX
   */
  public Plan read(String content, Format format, String name) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(name, "name");
    if (format == Format.CSV) {
      return parser.csv(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
    }
    return parser.plan(content, name, isYaml(format));
  }

  /**
   * Reads a single proposal, given as a JSON or YAML object.
   *
   * @param content the proposal
   * @param name its name in messages
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   */
  public Proposal readProposal(String content, String name) {
    return parser.proposal(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"), null);
  }

  /**
   * Reads a single proposal in the given format.
   *
   * @param content the proposal
   * @param format its format: JSON or YAML
   * @param name its name in messages
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   * @throws IllegalArgumentException when the format is CSV or XLSX
   */
  public Proposal readProposal(String content, Format format, String name) {
    return parser.proposal(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"),
        isYaml(format));
  }

  private static boolean isYaml(Format format) {
    if (Objects.requireNonNull(format, "format") == Format.CSV || format == Format.XLSX) {
      throw new IllegalArgumentException("A " + format + " document holds a plan, not a single proposal or text to"
          + " parse as one.");
    }
    return format == Format.YAML;
  }
}

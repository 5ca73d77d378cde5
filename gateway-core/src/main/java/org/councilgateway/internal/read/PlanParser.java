package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.DocumentReader.unusable;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.councilgateway.InputError;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Plan;
import org.councilgateway.Problem;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.Parallel;
import org.councilgateway.internal.ReadLimits;
import org.councilgateway.facts.LocalField;
import org.councilgateway.model.Proposal;

/**
 * Reads a plan or a proposal from JSON or YAML, checking every field and collecting every problem
 * with its JSON pointer, so that one bad proposal never hides another, nor stops the good ones.
 *
 * <p>The one public class of the package, for {@link org.councilgateway.PlanReader} and the
 * scenario reader. It holds what only the whole document can see (its top-level fields, its
 * {@code asOf}, ids used twice) and leaves the text to {@link DocumentReader} and each proposal to
 * a {@link ProposalReader}.
 */
public final class PlanParser {
  private static final Set<String> PLAN_FIELDS = Set.of("asOf", "proposals");

  /** Plans with at least this many proposals have them read in parallel. */
  private static final int PARALLEL_FROM = 256;

  private final Executor executor;
  private final DocumentReader documents;
  private final ReadLimits limits;
  private final Map<String, LocalField> localFields;
  private final Map<String, SheetReader.Kind> columns;

  /**
   * Creates a parser with limits on what it accepts.
   *
   * @param limits the limits
   * @param executor where a long plan's proposals are read side by side
   */
  public PlanParser(ReadLimits limits, Executor executor) {
    this(limits, executor, List.of());
  }

  /**
   * Creates a parser with limits on what it accepts, for plans that may carry local fields.
   *
   * @param limits the limits
   * @param executor where a long plan's proposals are read side by side
   * @param localFields the local fields the reference data declares, which a proposal may carry
   *     under {@code local} (a spreadsheet as {@code local.NAME} columns)
   */
  public PlanParser(ReadLimits limits, Executor executor, List<LocalField> localFields) {
    this.executor = executor;
    this.documents = new DocumentReader(limits);
    this.limits = limits;
    Map<String, LocalField> byName = new LinkedHashMap<>();
    localFields.forEach(field -> byName.put(field.name(), field));
    this.localFields = Collections.unmodifiableMap(byName);
    this.columns = SheetReader.columns(localFields);
  }

  /**
   * Reads a plan from a CSV file's bytes: UTF-8, with or without a byte-order mark, else
   * Windows-1252; row 1 the header, each later non-empty row a proposal.
   *
   * @param bytes the file
   * @param name the file's name as the user gave it
   * @return the valid proposals and the errors of the invalid ones, each error with its cell
   * @throws InvalidPlanException when the file is not CSV, or its header or size is unusable
   */
  public Plan csv(byte[] bytes, String name) {
    String text = CsvRows.decode(bytes);
    return sheet(new SheetReader(name, "", limits, columns).read(CsvRows.of(text, name, limits)));
  }

  /**
   * Reads a plan from the first worksheet of an XLSX workbook's bytes, after checking its zip.
   *
   * @param bytes the workbook
   * @param name the file's name as the user gave it
   * @return the valid proposals and the errors of the invalid ones, each error with its cell
   * @throws InvalidPlanException when the file is not a workbook, would expand beyond the plan
   *     limit, or its header or size is unusable
   */
  public Plan xlsx(byte[] bytes, String name) {
    ZipGuard.check(bytes, name, limits.maxDocumentChars());
    try (XlsxRows rows = XlsxRows.open(bytes, name)) {
      return sheet(new SheetReader(name, SheetReader.sheetPrefix(rows.sheetName()), limits, columns).read(rows));
    }
  }

  /**
   * The columns a plan's spreadsheet may have, in the order a template has them.
   *
   * @return the columns' headers
   */
  public static List<String> spreadsheetColumns() {
    return List.copyOf(SheetReader.COLUMNS.keySet());
  }

  /**
   * The columns a plan's spreadsheet may have for this parser: the format's, then a
   * {@code local.NAME} column for each local field.
   *
   * @return the columns' headers
   */
  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  private Plan sheet(List<SheetReader.Proposal> rows) {
    List<ProposalReader> readers = Parallel.map(java.util.stream.IntStream.range(0, rows.size()).boxed().toList(),
        index -> {
          SheetReader.Proposal row = rows.get(index);
          ProposalReader reader = new ProposalReader(index, "/proposals/" + index, row.cells(), localFields);
          reader.read(row.tree(), row.refused());
          return reader;
        }, executor, PARALLEL_FROM);
    return assemble(readers, null);
  }

  /**
   * Reads a plan document.
   *
   * @param content the document
   * @param name the file's name as the user gave it
   * @param yaml true for YAML, false for JSON, null to choose by the name and the first character
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan plan(String content, String name, Boolean yaml) {
    return plan(documents.tree(content, name, yaml), name);
  }

  /**
   * Reads a plan already parsed, by {@link BoundedTree} so that its numbers are bounded.
   *
   * @param root the document
   * @param name the file's name as the user gave it
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan plan(JsonNode root, String name) {
    if (!root.isObject()) {
      throw unusable(name, "is not a plan: it must be a JSON or YAML object with a \"proposals\" list.");
    }
    List<String> unknown = new ArrayList<>();
    root.fieldNames().forEachRemaining(field -> {
      if (!PLAN_FIELDS.contains(field)) {
        unknown.add(field);
      }
    });
    if (!unknown.isEmpty()) {
      throw unusable(name, "has the top-level field(s) " + quoteAll(unknown)
          + ", which the plan format does not define (it has \"asOf\" and \"proposals\").");
    }
    LocalDate asOf = null;
    JsonNode asOfNode = root.get("asOf");
    if (asOfNode != null && !asOfNode.isNull()) {
      asOf = asOfNode.isTextual() ? Values.date(asOfNode.asText()) : null;
      if (asOf == null) {
        throw unusable(name, "has an asOf of " + Values.show(asOfNode) + ", which is not a date in the form yyyy-MM-dd.");
      }
    }
    JsonNode proposals = root.get("proposals");
    if (proposals == null || !proposals.isArray()) {
      throw unusable(name, "has no \"proposals\" list.");
    }
    // Each proposal reads on its own, so a long plan reads on every core; ids are then checked in order.
    List<ProposalReader> readers = Parallel.map(java.util.stream.IntStream.range(0, proposals.size()).boxed().toList(),
        index -> {
          ProposalReader reader = new ProposalReader(index, "/proposals/" + index, localFields);
          reader.read(proposals.get(index));
          return reader;
        }, executor, PARALLEL_FROM);
    return assemble(readers, asOf);
  }

  /** The plan of proposals read, in order: the first with an id owns it. */
  private static Plan assemble(List<ProposalReader> readers, LocalDate asOf) {
    List<Proposal> valid = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ProposalReader reader : readers) {
      Proposal proposal = reader.proposal();
      String id = reader.id();
      if (id != null && !ids.add(id)) {
        reader.error("/id", "The id " + id + " is already used by an earlier proposal in the plan.");
      }
      if (reader.errors().isEmpty() && proposal != null) {
        valid.add(proposal);
      }
      errors.addAll(reader.errors());
    }
    errors.sort(Comparator.comparingInt(InputError::index).thenComparing(InputError::path));
    return new Plan(asOf, valid, errors);
  }

  /**
   * Reads a single proposal.
   *
   * @param content the proposal as a JSON or YAML object
   * @param name a name for the document in messages
   * @param yaml true for YAML, false for JSON, null to choose by the name and the first character
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   */
  public Proposal proposal(String content, String name, Boolean yaml) {
    JsonNode root = documents.tree(content, name, yaml);
    ProposalReader reader = new ProposalReader(0, "", localFields);
    reader.read(root);
    Proposal proposal = reader.proposal();
    if (!reader.errors().isEmpty() || proposal == null) {
      List<Problem> problems = reader.errors().stream()
          .map(e -> new Problem(name, 0, 0, (e.path().isEmpty() ? "" : e.path() + ": ") + e.message())).toList();
      throw new InvalidPlanException("The proposal in " + name + " is invalid: " + problems.get(0).message(), problems);
    }
    return proposal;
  }

  private static String quoteAll(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }
}

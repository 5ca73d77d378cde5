package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.DocumentReader.unusable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.ReadLimits;

/**
 * Turns the rows of a spreadsheet (a CSV file or a workbook's first worksheet) into the trees a
 * JSON plan's proposals are, so that {@link ProposalReader} checks them by the very same rules;
 * each tree keeps where its cells stand, so that every error names its cell.
 *
 * <p>Row 1 is the header: each column is named by a proposal's field, a nested one with a dot
 * ({@code provider.name}). A list cell holds its entries separated by {@code ;}; a funding source
 * is {@code SOURCE[:DIRECTORATE[:AMOUNT]]} and a completed EIA {@code KIND:LEVEL:DATE}. An empty
 * cell is a field left out.
 */
final class SheetReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a column holds, which decides how a cell is made a value of the tree. */
  enum Kind {
    /** A text or a code. */
    TEXT("a text"),
    /** A list of texts or codes, separated by {@code ;}. */
    LIST("a list"),
    /** Funding sources, {@code SOURCE[:DIRECTORATE[:AMOUNT]]} separated by {@code ;}. */
    FUNDING("a list of funding sources"),
    /** Completed EIAs, {@code KIND:LEVEL:DATE} separated by {@code ;}. */
    EIA("a list of completed EIAs"),
    /** A number. */
    NUMBER("a number"),
    /** TRUE or FALSE. */
    BOOLEAN("true or false"),
    /** A date. */
    DATE("a date");

    private final String what;

    Kind(String what) {
      this.what = what;
    }
  }

  /** The columns a plan's spreadsheet may have, in the order a template has them. */
  static final Map<String, Kind> COLUMNS = columns();

  /** The columns every plan's spreadsheet must have. */
  static final List<String> REQUIRED = List.of("id", "title", "leadDirectorate", "serviceArea", "changeType");

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern THOUSANDS = Pattern.compile("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

  private static Map<String, Kind> columns() {
    Map<String, Kind> columns = new LinkedHashMap<>();
    for (String text : List.of("id", "title", "leadDirectorate", "serviceArea", "changeType")) {
      columns.put(text, Kind.TEXT);
    }
    columns.put("objectives", Kind.LIST);
    columns.put("outcomes", Kind.LIST);
    columns.put("annualValue", Kind.NUMBER);
    columns.put("termMonths", Kind.NUMBER);
    columns.put("startDate", Kind.DATE);
    columns.put("reductionPercent", Kind.NUMBER);
    columns.put("affectedDirectorates", Kind.LIST);
    columns.put("fundingSources", Kind.FUNDING);
    columns.put("clientGroups", Kind.LIST);
    columns.put("partners", Kind.LIST);
    columns.put("deliveryOptions", Kind.LIST);
    columns.put("commissionerManagesInHouseProvider", Kind.BOOLEAN);
    columns.put("consulted", Kind.LIST);
    columns.put("consultedDirectorates", Kind.LIST);
    columns.put("risksAssessed", Kind.BOOLEAN);
    columns.put("paymentModel", Kind.TEXT);
    columns.put("provider.name", Kind.TEXT);
    columns.put("provider.sector", Kind.TEXT);
    columns.put("provider.performance", Kind.TEXT);
    columns.put("provider.otherCouncilContracts", Kind.NUMBER);
    columns.put("eligibilityChange", Kind.BOOLEAN);
    columns.put("staffing.postsDeleted", Kind.NUMBER);
    columns.put("staffing.postsCreated", Kind.NUMBER);
    columns.put("staffing.postsRedesignated", Kind.NUMBER);
    columns.put("staffing.tupeTransfer", Kind.BOOLEAN);
    columns.put("wards", Kind.LIST);
    columns.put("eia.completed", Kind.EIA);
    columns.put("eia.assessorTrainingCurrent", Kind.BOOLEAN);
    columns.put("serviceReviewedOn", Kind.DATE);
    columns.put("socialValueConsidered", Kind.BOOLEAN);
    columns.put("contractMonitoring.owner", Kind.TEXT);
    columns.put("contractMonitoring.level", Kind.TEXT);
    columns.put("stage", Kind.TEXT);
    return java.util.Collections.unmodifiableMap(columns);
  }

  /** A cell's value as the spreadsheet holds it. */
  sealed interface Value permits Text, Number, Bool, Date, Refused {}

  /**
   * Text, as typed or as a CSV file holds every cell.
   *
   * @param text the text
   */
  record Text(String text) implements Value {}

  /**
   * A workbook's number.
   *
   * @param raw the number as the workbook writes it, such as {@code 1.5E+7}
   */
  record Number(String raw) implements Value {}

  /**
   * A workbook's boolean.
   *
   * @param value the value
   */
  record Bool(boolean value) implements Value {}

  /**
   * A workbook's number formatted as a date.
   *
   * @param date the day
   */
  record Date(LocalDate date) implements Value {}

  /**
   * A cell that holds no value a plan can use, such as a formula never calculated.
   *
   * @param why what it holds, to follow the field's name in a sentence
   */
  record Refused(String why) implements Value {}

  /**
   * One row.
   *
   * @param number its number, counting the header as 1
   * @param cells its cells by column from 0, null where a cell is empty
   */
  record Row(int number, List<Value> cells) {}

  /**
   * A proposal read from a row, with where its fields stand.
   *
   * @param tree the row as a JSON proposal
   * @param refused the message of each cell refused, by its field's path
   * @param cells where each field stands
   */
  record Proposal(ObjectNode tree, Map<String, String> refused, Fields.Cells cells) {}

  private final String name;
  private final String sheet;
  private final ReadLimits limits;
  private final Map<String, Kind> columns;

  /**
   * @param name the file's name in messages
   * @param sheet how a cell is prefixed in a location: {@code ""} for a CSV file, the sheet's name
   *     and {@code !} for a workbook
   * @param limits the limits on rows, texts and numbers
   * @param columns the columns the spreadsheet may have: {@link #COLUMNS}, or {@link #columns(List)}
   */
  SheetReader(String name, String sheet, ReadLimits limits, Map<String, Kind> columns) {
    this.name = name;
    this.sheet = sheet;
    this.limits = limits;
    this.columns = columns;
  }

  /**
   * The format's columns, then a {@code local.NAME} column for each local field, read by its type.
   *
   * @param localFields the local fields the reference data declares
   * @return the columns in template order
   */
  static Map<String, Kind> columns(List<org.councilgateway.facts.LocalField> localFields) {
    if (localFields.isEmpty()) {
      return COLUMNS;
    }
    Map<String, Kind> columns = new LinkedHashMap<>(COLUMNS);
    for (var field : localFields) {
      columns.put("local." + field.name(), switch (field.type()) {
        case BOOLEAN -> Kind.BOOLEAN;
        case NUMBER -> Kind.NUMBER;
        case TEXT -> Kind.TEXT;
        case DATE -> Kind.DATE;
        case CODES -> Kind.LIST;
      });
    }
    return java.util.Collections.unmodifiableMap(columns);
  }

  /** A sheet's name as a location starts with it: quoted when a spreadsheet would quote it. */
  static String sheetPrefix(String sheetName) {
    return sheetName.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheetName + "!" : "'" + sheetName.replace("'", "''") + "'!";
  }

  /** The letters of a column from 0: A, ..., Z, AA, ... */
  static String letters(int column) {
    StringBuilder letters = new StringBuilder();
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  private String cell(int column, int row) {
    return sheet + letters(column) + row;
  }

  /**
   * Reads the rows: the header, then each non-empty row as a proposal.
   *
   * @param rows the rows in order; the first is the header
   * @return the proposals, in row order
   * @throws org.councilgateway.InvalidPlanException when the header is missing, names a column the
   *     format does not have or one twice, lacks a required column, a value stands under no header,
   *     or there are more rows than the limit
   */
  List<Proposal> read(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      throw unusable(name, "is empty: row 1 must name the columns (id, title, leadDirectorate, serviceArea,"
          + " changeType, ...).");
    }
    Row header = rows.next();
    if (header.number() != 1) {
      throw unusable(name, "has nothing in row 1, which must name the columns (id, title, leadDirectorate,"
          + " serviceArea, changeType, ...).");
    }
    String[] names = header(header);
    List<Proposal> proposals = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (empty(row)) {
        continue;
      }
      if (proposals.size() >= limits.maxSheetRows()) {
        throw unusable(name, "has more than " + String.format(Locale.ROOT, "%,d", limits.maxSheetRows())
            + " proposals (rows below the header), the most a spreadsheet plan may have (the sheetRows limit;"
            + " raise it with --limit sheetRows=N, or Limits.withSheetRows).");
      }
      proposals.add(proposal(row, names));
    }
    return proposals;
  }

  private static boolean empty(Row row) {
    for (Value value : row.cells()) {
      if (value != null && !(value instanceof Text text && text.text().isBlank())) {
        return false;
      }
    }
    return true;
  }

  /** @return the column names by column, null for an empty header cell */
  private String[] header(Row header) {
    String[] names = new String[header.cells().size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int column = 0; column < names.length; column++) {
      Value value = header.cells().get(column);
      String text = value == null ? "" : shownText(value).strip();
      if (text.isEmpty()) {
        continue;
      }
      String shown = BoundedTree.shown(NODES.textNode(text), "");
      if (!columns.containsKey(text)) {
        throw unusable(name, unknownHeader(shown, text, column));
      }
      Integer earlier = seen.putIfAbsent(text, column);
      if (earlier != null) {
        throw unusable(name, "has the header " + shown + " twice, in cells " + cell(earlier, 1) + " and "
            + cell(column, 1) + ".");
      }
      names[column] = text;
    }
    for (String required : REQUIRED) {
      if (!seen.containsKey(required)) {
        throw unusable(name, "has no column \"" + required + "\" in its header (row 1): the columns id, title,"
            + " leadDirectorate, serviceArea and changeType are required.");
      }
    }
    return names;
  }

  private String unknownHeader(String shown, String text, int column) {
    if (text.startsWith("local.")) {
      List<String> local = columns.keySet().stream().filter(c -> c.startsWith("local.")).toList();
      String closest = org.councilgateway.internal.Names.closest(text, local);
      return "has the header " + shown + " in cell " + cell(column, 1) + ", which is not a local field the reference"
          + " data declares" + (closest == null ? "." : "; did you mean " + closest + "?")
          + (local.isEmpty() ? " It declares no local fields (localFields)." : " The local columns are "
          + String.join(", ", local) + ".");
    }
    String closest = org.councilgateway.internal.Names.closest(text, columns.keySet());
    return "has the header " + shown + " in cell " + cell(column, 1) + ", which is not a column of the plan format"
        + (closest == null ? "" : "; did you mean " + closest + "?") + " (the columns are "
        + String.join(", ", columns.keySet()) + ").";
  }

  private Proposal proposal(Row row, String[] names) {
    ObjectNode tree = NODES.objectNode();
    Map<String, String> refused = new LinkedHashMap<>();
    Map<String, Integer> columns = new HashMap<>();
    for (int column = 0; column < row.cells().size(); column++) {
      Value value = row.cells().get(column);
      if (value == null || value instanceof Text text && text.text().isBlank()) {
        continue;
      }
      if (column >= names.length || names[column] == null) {
        throw unusable(name, "has a value in cell " + cell(column, row.number())
            + ", under no header: name its column in row 1, or clear it.");
      }
      String field = names[column];
      columns.put(field, column);
      String path = "/" + field.replace('.', '/');
      ObjectNode holder = tree;
      String key = field;
      int dot = field.indexOf('.');
      if (dot > 0) {
        String object = field.substring(0, dot);
        holder = tree.has(object) ? (ObjectNode) tree.get(object) : tree.putObject(object);
        key = field.substring(dot + 1);
      }
      JsonNode node = value(field, this.columns.get(field), value, path, refused);
      if (node != null) {
        holder.set(key, node);
      }
    }
    for (int column = 0; column < names.length; column++) {
      if (names[column] != null) {
        columns.putIfAbsent(names[column], column);
      }
    }
    int number = row.number();
    Fields.Cells cells = new Fields.Cells() {
      @Override
      public String locate(String path) {
        return cell(column(path, columns), number);
      }

      @Override
      public boolean refused(String path) {
        for (String at : refused.keySet()) {
          if (path.equals(at) || path.startsWith(at + "/")) {
            return true;
          }
        }
        return false;
      }
    };
    return new Proposal(tree, refused, cells);
  }

  /** The column that holds a field's path: its own, else its object's first, else the first. */
  private static int column(String path, Map<String, Integer> columns) {
    String[] steps = path.split("/");
    if (steps.length < 2) {
      return 0;
    }
    if (steps.length > 2 && columns.containsKey(steps[1] + "." + steps[2])) {
      return columns.get(steps[1] + "." + steps[2]);
    }
    if (columns.containsKey(steps[1])) {
      return columns.get(steps[1]);
    }
    int first = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> entry : columns.entrySet()) {
      if (entry.getKey().startsWith(steps[1] + ".")) {
        first = Math.min(first, entry.getValue());
      }
    }
    return first == Integer.MAX_VALUE ? 0 : first;
  }

  /**
   * A cell as the value of its field, or null when it is refused (then in {@code refused}).
   */
  private JsonNode value(String field, Kind kind, Value value, String path, Map<String, String> refused) {
    if (value instanceof Refused r) {
      refused.put(path, field + " " + r.why());
      return null;
    }
    if (value instanceof Text text && text.text().length() > limits.maxStringLength()) {
      throw unusable(name, "has " + String.format(Locale.ROOT, "%,d", text.text().length()) + " characters in one cell,"
          + " more than the " + String.format(Locale.ROOT, "%,d", limits.maxStringLength()) + " a cell may hold.");
    }
    if (value instanceof Date date && kind != Kind.DATE) {
      refused.put(path, field + " is a date cell (" + date.date() + "), but " + field + " is " + kind.what
          + ": the spreadsheet took what was typed for a date. Format the cell as text and type it again.");
      return null;
    }
    return switch (kind) {
      case TEXT -> NODES.textNode(shownText(value));
      case LIST -> list(shownText(value));
      case FUNDING -> entries(shownText(value), path, refused, "SOURCE, SOURCE:DIRECTORATE or SOURCE:DIRECTORATE:AMOUNT",
          "source", "directorate", "annualAmount");
      case EIA -> entries(shownText(value), path, refused, "KIND:LEVEL:DATE", "kind", "level", "on");
      case NUMBER -> value instanceof Bool b ? BooleanNode.valueOf(b.value()) : number(shownText(value));
      case BOOLEAN -> value instanceof Bool b ? BooleanNode.valueOf(b.value())
          : value instanceof Number n ? number(n.raw()) : bool(((Text) value).text());
      case DATE -> value instanceof Date d ? NODES.textNode(d.date().toString())
          : value instanceof Number n ? number(n.raw())
          : value instanceof Bool b ? BooleanNode.valueOf(b.value()) : NODES.textNode(((Text) value).text().strip());
    };
  }

  /** A cell as text: a number as plainly written, a boolean as TRUE or FALSE. */
  private String shownText(Value value) {
    if (value instanceof Text text) {
      return text.text();
    }
    if (value instanceof Bool bool) {
      return bool.value() ? "TRUE" : "FALSE";
    }
    if (value instanceof Number number) {
      JsonNode node = BoundedTree.number(number.raw(), limits.maxNumberLength(), limits.maxNumberScale());
      return node.isNumber() ? node.decimalValue().toPlainString() : number.raw();
    }
    if (value instanceof Date date) {
      return date.date().toString();
    }
    return "";
  }

  private static ArrayNode list(String text) {
    ArrayNode list = NODES.arrayNode();
    for (String entry : text.split(";", -1)) {
      String stripped = entry.strip();
      if (!stripped.isEmpty()) {
        list.add(stripped);
      }
    }
    return list;
  }

  /** A list of objects, each entry's parts separated by {@code :} and named by {@code parts}. */
  private ArrayNode entries(String text, String path, Map<String, String> refused, String form, String... parts) {
    ArrayNode list = NODES.arrayNode();
    for (String entry : text.split(";", -1)) {
      String stripped = entry.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      String[] values = stripped.split(":", -1);
      if (values.length > parts.length) {
        refused.put(path + "/" + list.size(), "Each entry of " + path.substring(1).replace('/', '.') + " must be "
            + form + ", but this is " + BoundedTree.shown(NODES.textNode(stripped), "") + ".");
        list.addNull();
        continue;
      }
      ObjectNode object = list.addObject();
      for (int i = 0; i < values.length; i++) {
        String part = values[i].strip();
        if (!part.isEmpty()) {
          object.set(parts[i], parts[i].equals("annualAmount") ? number(part) : NODES.textNode(part));
        }
      }
    }
    return list;
  }

  /** A number written as text: digits, or digits with thousands separators; anything else as text. */
  private JsonNode number(String text) {
    String stripped = text.strip();
    if (THOUSANDS.matcher(stripped).matches()) {
      stripped = stripped.replace(",", "");
    } else if (!PLAIN_NUMBER.matcher(stripped).matches()) {
      return NODES.textNode(text);
    }
    return BoundedTree.number(stripped, limits.maxNumberLength(), limits.maxNumberScale());
  }

  private static JsonNode bool(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "true", "yes" -> BooleanNode.TRUE;
      case "false", "no" -> BooleanNode.FALSE;
      default -> NODES.textNode(text);
    };
  }
}

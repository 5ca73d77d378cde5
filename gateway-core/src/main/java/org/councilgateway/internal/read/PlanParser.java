package org.councilgateway.internal.read;

import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.ReadLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.councilgateway.internal.Parallel;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.CompletedEia;
import org.councilgateway.model.Consultee;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.model.EiaRecord;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.FundingType;
import org.councilgateway.InputError;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.model.PaymentModel;
import org.councilgateway.model.Performance;
import org.councilgateway.Plan;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;
import org.councilgateway.model.Sector;
import org.councilgateway.model.Staffing;

/**
 * Reads a plan or a proposal from JSON or YAML, checking every field and collecting every problem
 * with its JSON pointer, so that one bad proposal never hides another, nor stops the good ones.
 */
public final class PlanParser {
  private static final Set<String> PLAN_FIELDS = Set.of("asOf", "proposals");
  private static final Set<String> PROPOSAL_FIELDS = Set.of("id", "title", "leadDirectorate", "serviceArea",
      "changeType", "objectives", "outcomes", "annualValue", "termMonths", "startDate", "reductionPercent",
      "affectedDirectorates", "fundingSources", "clientGroups", "partners", "deliveryOptions",
      "commissionerManagesInHouseProvider", "consulted", "consultedDirectorates", "risksAssessed", "paymentModel",
      "provider", "eligibilityChange", "staffing", "wards", "eia");
  private static final Set<String> PROVIDER_FIELDS = Set.of("name", "sector", "performance", "otherCouncilContracts");
  private static final Set<String> FUNDING_FIELDS = Set.of("source", "directorate", "annualAmount");
  private static final Set<String> STAFFING_FIELDS = Set.of("postsDeleted", "postsCreated", "postsRedesignated", "tupeTransfer");
  private static final Set<String> EIA_FIELDS = Set.of("completed", "assessorTrainingCurrent");
  private static final Set<String> COMPLETED_FIELDS = Set.of("kind", "level", "on");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Plans with at least this many proposals have them read in parallel. */
  private static final int PARALLEL_FROM = 256;

  private final Executor executor;
  private final JsonFactory json;
  private final YAMLFactory yaml;
  private final int maxDigits;
  private final int maxScale;

  /**
   * Creates a parser with limits on what it accepts.
   *
   * @param limits the limits
   * @param executor where a long plan's proposals are read side by side
   */
  public PlanParser(ReadLimits limits, Executor executor) {
    this.executor = executor;
    this.json = limits.jsonFactory();
    this.yaml = limits.yamlFactory();
    this.maxDigits = limits.maxNumberLength();
    this.maxScale = limits.maxNumberScale();
  }

  /**
   * Parses a document into a tree, choosing JSON or YAML by the file's name, or by its first
   * character when the name does not tell.
   *
   * @param content the document
   * @param name the file's name as the user gave it
   * @return the tree
   * @throws InvalidPlanException when the document is neither JSON nor YAML
   */
  JsonNode tree(String content, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean isYaml = lower.endsWith(".yaml") || lower.endsWith(".yml")
        || !lower.endsWith(".json") && !content.stripLeading().startsWith("{") && !content.stripLeading().startsWith("[");
    try {
      if (isYaml) {
        rejectAliases(content, name);
      }
      try (JsonParser parser = (isYaml ? yaml : json).createParser(content)) {
        return BoundedTree.read(parser, maxDigits, maxScale);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Problem problem = new Problem(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not valid " + (isYaml ? "YAML" : "JSON") + ": " + firstLine(e.getOriginalMessage()));
      throw new InvalidPlanException(problem.toString(), List.of(problem));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NumberFormatException e) {
      // Jackson reports a number that BigDecimal cannot hold (an exponent beyond its scale) this way.
      throw unusable(name, "is not valid " + (isYaml ? "YAML" : "JSON") + ": it has a number too large or too small to read.");
    }
  }

  /**
   * Refuses YAML aliases ({@code *name}): the reader would otherwise take one for the text of its
   * name, a silent misreading, and aliases are how a small document expands into a huge one.
   */
  private void rejectAliases(String content, String name) throws JsonProcessingException {
    try (JsonParser parser = yaml.createParser(content)) {
      while (parser.nextToken() != null) {
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
          JsonLocation at = parser.currentTokenLocation();
          Problem problem = new Problem(name, at.getLineNr(), at.getColumnNr(), "uses the YAML alias *" + parser.getText()
              + ", which plans may not use: write the value out in full.");
          throw new InvalidPlanException(problem.toString(), List.of(problem));
        }
      }
    } catch (IOException e) {
      if (e instanceof JsonProcessingException processing) {
        throw processing;
      }
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "it does not parse.";
    }
    String line = text.lines().findFirst().orElse(text).strip()
        .replaceAll("\\s*\\[Source: [^\\]]*\\]", "")
        .replaceAll("\\(`StreamReadFeature[^)]*\\)", "")
        .replaceFirst("^(Duplicate field '.*') for `ObjectNode`.*", "$1")
        .replaceAll(",? ?\\(?from `StreamReadConstraints[^)]*\\)?", "")
        .replaceAll("got this instead: <org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\(.*", "found a $1 there")
        .replaceFirst("^Trailing token \\(of type (\\w+)\\) found after value.*",
            "there is more after the end of the document (a second document or stray text)");
    line = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    return line.endsWith(".") ? line : line + ".";
  }

  static InvalidPlanException unusable(String name, String message) {
    Problem problem = new Problem(name, 0, 0, message);
    return new InvalidPlanException(problem.toString(), List.of(problem));
  }

  /**
   * Reads a plan document.
   *
   * @param content the document
   * @param name the file's name as the user gave it
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan plan(String content, String name) {
    return plan(tree(content, name), name);
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
      asOf = asOfNode.isTextual() ? date(asOfNode.asText()) : null;
      if (asOf == null) {
        throw unusable(name, "has an asOf of " + show(asOfNode) + ", which is not a date in the form yyyy-MM-dd.");
      }
    }
    JsonNode proposals = root.get("proposals");
    if (proposals == null || !proposals.isArray()) {
      throw unusable(name, "has no \"proposals\" list.");
    }
    List<Proposal> valid = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // Each proposal reads on its own, so a long plan reads on every core; ids are then checked in order.
    List<ProposalReader> readers = Parallel.map(java.util.stream.IntStream.range(0, proposals.size()).boxed().toList(),
        index -> {
          ProposalReader reader = new ProposalReader(index, "/proposals/" + index);
          reader.proposal = reader.read(proposals.get(index));
          return reader;
        }, executor, PARALLEL_FROM);
    for (ProposalReader reader : readers) {
      Proposal proposal = reader.proposal;
      String id = reader.id;
      if (id != null && !ids.add(id)) {
        reader.error("/id", "The id " + id + " is already used by an earlier proposal in the plan.");
      }
      if (reader.errors.isEmpty() && proposal != null) {
        valid.add(proposal);
      }
      errors.addAll(reader.errors);
    }
    errors.sort(Comparator.comparingInt(InputError::index).thenComparing(InputError::path));
    return new Plan(asOf, valid, errors);
  }

  /**
   * Reads a single proposal.
   *
   * @param content the proposal as a JSON or YAML object
   * @param name a name for the document in messages
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   */
  public Proposal proposal(String content, String name) {
    JsonNode root = tree(content, name);
    ProposalReader reader = new ProposalReader(0, "");
    Proposal proposal = reader.read(root);
    if (!reader.errors.isEmpty() || proposal == null) {
      List<Problem> problems = reader.errors.stream()
          .map(e -> new Problem(name, 0, 0, (e.path().isEmpty() ? "" : e.path() + ": ") + e.message())).toList();
      throw new InvalidPlanException("The proposal in " + name + " is invalid: " + problems.get(0).message(), problems);
    }
    return proposal;
  }

  private static LocalDate date(String text) {
    // yyyy-MM-dd exactly; read by hand, as a plan of thousands of proposals has thousands of dates.
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** @return the number the ASCII digits from {@code from} to {@code to} spell, or -1 if any is not a digit */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String show(JsonNode node) {
    return BoundedTree.shown(node, "an object");
  }

  private static String quoteAll(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }

  /** Reads one proposal, collecting its errors. */
  private static final class ProposalReader {
    final int index;
    final String base;
    final List<InputError> errors = new ArrayList<>();
    String id;
    Proposal proposal;

    ProposalReader(int index, String base) {
      this.index = index;
      this.base = base;
    }

    void error(String path, String message) {
      errors.add(new InputError(index, id, base + path, message));
    }

    /**
     * Reports a number the tree refused, against the field that holds it.
     *
     * @return whether the value is such a number
     */
    boolean faulty(JsonNode value, String path, String field) {
      BoundedTree.Fault fault = BoundedTree.fault(value);
      if (fault != null) {
        // The pointer is put together only for a fault: this runs for every field of every proposal.
        error(path + "/" + field, fault.sentence(field));
      }
      return fault != null;
    }

    /**
     * Reports a number the tree refused as an entry of a list.
     *
     * @return whether the entry is such a number
     */
    boolean faultyEntry(JsonNode item, String field, int index) {
      BoundedTree.Fault fault = BoundedTree.fault(item);
      if (fault != null) {
        error("/" + field + "/" + index, fault.sentence("Entry " + index + " of " + field));
      }
      return fault != null;
    }

    Proposal read(JsonNode node) {
      if (node == null || !node.isObject()) {
        error("", "A proposal must be an object, but this is "
            + (node == null || node.isMissingNode() ? "missing" : show(node)) + ".");
        return null;
      }
      JsonNode idNode = node.get("id");
      if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
        id = idNode.asText();
      }
      fields(node, "", PROPOSAL_FIELDS, "proposal");
      String idValue = requiredText(node, "", "id");
      String title = requiredText(node, "", "title");
      String lead = requiredText(node, "", "leadDirectorate");
      String area = requiredText(node, "", "serviceArea");
      ChangeType change = enumValue(node, "", "changeType", ChangeType.class, true);
      List<String> objectives = texts(node, "objectives");
      List<String> outcomes = texts(node, "outcomes");
      Long annualValue = whole(node, "", "annualValue", Long.MAX_VALUE);
      Long termMonths = whole(node, "", "termMonths", Integer.MAX_VALUE);
      LocalDate startDate = dateValue(node, "", "startDate", false);
      BigDecimal reduction = percent(node);
      List<String> affected = texts(node, "affectedDirectorates");
      List<FundingSource> funding = objects(node, "fundingSources", this::fundingSource);
      List<String> clientGroups = texts(node, "clientGroups");
      List<String> partners = texts(node, "partners");
      List<DeliveryOption> options = enums(node, "deliveryOptions", DeliveryOption.class);
      boolean manages = bool(node, "", "commissionerManagesInHouseProvider");
      List<Consultee> consulted = enums(node, "consulted", Consultee.class);
      List<String> consultedDirectorates = texts(node, "consultedDirectorates");
      boolean risks = bool(node, "", "risksAssessed");
      PaymentModel payment = enumValue(node, "", "paymentModel", PaymentModel.class, false);
      Provider provider = object(node, "", "provider", this::provider);
      boolean eligibility = bool(node, "", "eligibilityChange");
      Staffing staffing = object(node, "", "staffing", this::staffing);
      List<String> wards = texts(node, "wards");
      EiaRecord eia = object(node, "", "eia", this::eia);
      if (!errors.isEmpty()) {
        return null;
      }
      return new Proposal(idValue, title, lead, area, change, objectives, outcomes, annualValue,
          termMonths == null ? null : termMonths.intValue(), startDate, reduction, affected, funding, clientGroups,
          partners, options, manages, consulted, consultedDirectorates, risks, payment, provider, eligibility,
          staffing, wards, eia);
    }

    private void fields(JsonNode node, String path, Set<String> known, String what) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          error(path + "/" + escape(name), "Unknown field \"" + name + "\": the " + what + " format does not define it.");
        }
      }
    }

    private static String escape(String name) {
      return name.replace("~", "~0").replace("/", "~1");
    }

    private static boolean absent(JsonNode value) {
      return value == null || value.isNull();
    }

    private String requiredText(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (absent(value)) {
        error(path + "/" + field, field + " is required.");
        return null;
      }
      if (faulty(value, path, field)) {
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        error(path + "/" + field, field + " must be a non-empty text, but was " + show(value) + ".");
        return null;
      }
      return value.asText();
    }

    private String optionalText(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (absent(value) || faulty(value, path, field)) {
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        error(path + "/" + field, field + " must be a non-empty text, but was " + show(value) + ".");
        return null;
      }
      return value.asText();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, String field, Class<E> type, boolean required) {
      JsonNode value = node.get(field);
      if (absent(value)) {
        if (required) {
          error(path + "/" + field, field + " is required: one of " + valid(type) + ".");
        }
        return null;
      }
      if (faulty(value, path, field)) {
        return null;
      }
      E parsed = value.isTextual() ? parse(type, value.asText()) : null;
      if (parsed == null) {
        error(path + "/" + field, field + " must be one of " + valid(type) + ", but was " + show(value) + ".");
      }
      return parsed;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      return null;
    }

    private static <E extends Enum<E>> String valid(Class<E> type) {
      return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private Long whole(JsonNode node, String path, String field, long maximum) {
      JsonNode value = node.get(field);
      if (absent(value) || faulty(value, path, field)) {
        return null;
      }
      if (value.isNumber()) {
        BigDecimal number = value.decimalValue();
        if (number.signum() >= 0 && isWhole(number) && number.compareTo(BigDecimal.valueOf(maximum)) <= 0) {
          return number.longValueExact();
        }
      }
      error(path + "/" + field, field + " must be a whole number of at least 0"
          + (maximum < Long.MAX_VALUE ? " and at most " + maximum : "") + ", but was " + show(value) + ".");
      return null;
    }

    private static boolean isWhole(BigDecimal number) {
      return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private BigDecimal percent(JsonNode node) {
      JsonNode value = node.get("reductionPercent");
      if (absent(value) || faulty(value, "", "reductionPercent")) {
        return null;
      }
      if (value.isNumber()) {
        BigDecimal number = value.decimalValue();
        if (number.signum() > 0 && number.compareTo(HUNDRED) <= 0) {
          return number;
        }
      }
      error("/reductionPercent", "reductionPercent must be a number above 0 and at most 100, but was " + show(value) + ".");
      return null;
    }

    private LocalDate dateValue(JsonNode node, String path, String field, boolean required) {
      JsonNode value = node.get(field);
      if (absent(value)) {
        if (required) {
          error(path + "/" + field, field + " is required: a date in the form yyyy-MM-dd.");
        }
        return null;
      }
      if (faulty(value, path, field)) {
        return null;
      }
      LocalDate parsed = value.isTextual() ? date(value.asText()) : null;
      if (parsed == null) {
        error(path + "/" + field, field + " must be a date in the form yyyy-MM-dd, but was " + show(value) + ".");
      }
      return parsed;
    }

    private boolean bool(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (absent(value) || faulty(value, path, field)) {
        return false;
      }
      if (!value.isBoolean()) {
        error(path + "/" + field, field + " must be true or false, but was " + show(value) + ".");
        return false;
      }
      return value.asBoolean();
    }

    private JsonNode list(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (absent(value) || faulty(value, "", field)) {
        return null;
      }
      if (!value.isArray()) {
        error("/" + field, field + " must be a list, but was " + show(value) + ".");
        return null;
      }
      return value;
    }

    private List<String> texts(JsonNode node, String field) {
      JsonNode list = list(node, field);
      if (list == null) {
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        if (item.isTextual() && !item.asText().isBlank()) {
          values.add(item.asText());
        } else if (!faultyEntry(item, field, i)) {
          error("/" + field + "/" + i, "Each entry of " + field + " must be a non-empty text, but this is " + show(item) + ".");
        }
      }
      return values;
    }

    private <E extends Enum<E>> List<E> enums(JsonNode node, String field, Class<E> type) {
      JsonNode list = list(node, field);
      if (list == null) {
        return List.of();
      }
      List<E> values = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        E parsed = item.isTextual() ? parse(type, item.asText()) : null;
        if (faultyEntry(item, field, i)) {
          continue;
        }
        if (parsed == null) {
          error("/" + field + "/" + i, "Each entry of " + field + " must be one of " + valid(type) + ", but this is " + show(item) + ".");
        } else {
          values.add(parsed);
        }
      }
      return values;
    }

    private interface ObjectRead<T> {
      T read(JsonNode node, String path);
    }

    private <T> T object(JsonNode node, String path, String field, ObjectRead<T> read) {
      JsonNode value = node.get(field);
      if (absent(value) || faulty(value, path, field)) {
        return null;
      }
      if (!value.isObject()) {
        error(path + "/" + field, field + " must be an object, but was " + show(value) + ".");
        return null;
      }
      return read.read(value, path + "/" + field);
    }

    private <T> List<T> objects(JsonNode node, String field, ObjectRead<T> read) {
      JsonNode list = list(node, field);
      if (list == null) {
        return List.of();
      }
      List<T> values = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        if (faultyEntry(item, field, i)) {
          continue;
        }
        String path = "/" + field + "/" + i;
        if (!item.isObject()) {
          error(path, "Each entry of " + field + " must be an object, but this is " + show(item) + ".");
          continue;
        }
        T value = read.read(item, path);
        if (value != null) {
          values.add(value);
        }
      }
      return values;
    }

    private FundingSource fundingSource(JsonNode node, String path) {
      fields(node, path, FUNDING_FIELDS, "funding source");
      FundingType source = enumValue(node, path, "source", FundingType.class, true);
      String directorate = optionalText(node, path, "directorate");
      Long amount = whole(node, path, "annualAmount", Long.MAX_VALUE);
      return source == null ? null : new FundingSource(source, directorate, amount);
    }

    private Provider provider(JsonNode node, String path) {
      fields(node, path, PROVIDER_FIELDS, "provider");
      String name = requiredText(node, path, "name");
      Sector sector = enumValue(node, path, "sector", Sector.class, false);
      Performance performance = enumValue(node, path, "performance", Performance.class, false);
      Long contracts = whole(node, path, "otherCouncilContracts", Integer.MAX_VALUE);
      return name == null ? null : new Provider(name, sector, performance, contracts == null ? 0 : contracts.intValue());
    }

    private Staffing staffing(JsonNode node, String path) {
      fields(node, path, STAFFING_FIELDS, "staffing");
      Function<String, Integer> count = field -> {
        Long value = whole(node, path, field, Integer.MAX_VALUE);
        return value == null ? 0 : value.intValue();
      };
      int deleted = count.apply("postsDeleted");
      int created = count.apply("postsCreated");
      int redesignated = count.apply("postsRedesignated");
      return new Staffing(deleted, created, redesignated, bool(node, path, "tupeTransfer"));
    }

    private EiaRecord eia(JsonNode node, String path) {
      fields(node, path, EIA_FIELDS, "eia");
      List<CompletedEia> completed = new ArrayList<>();
      JsonNode list = node.get("completed");
      if (!absent(list) && !faulty(list, path, "completed")) {
        if (!list.isArray()) {
          error(path + "/completed", "completed must be a list, but was " + show(list) + ".");
        } else {
          for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = path + "/completed/" + i;
            BoundedTree.Fault fault = BoundedTree.fault(item);
            if (fault != null) {
              error(itemPath, fault.sentence("Entry " + i + " of completed"));
              continue;
            }
            if (!item.isObject()) {
              error(itemPath, "Each completed EIA must be an object, but this is " + show(item) + ".");
              continue;
            }
            fields(item, itemPath, COMPLETED_FIELDS, "completed EIA");
            EiaKind kind = enumValue(item, itemPath, "kind", EiaKind.class, true);
            EiaLevel level = completedLevel(item, itemPath);
            LocalDate on = dateValue(item, itemPath, "on", true);
            if (kind != null && level != null && on != null) {
              completed.add(new CompletedEia(kind, level, on));
            }
          }
        }
      }
      return new EiaRecord(completed, bool(node, path, "assessorTrainingCurrent"));
    }

    private EiaLevel completedLevel(JsonNode item, String path) {
      JsonNode value = item.get("level");
      if (absent(value)) {
        error(path + "/level", "level is required: one of SCREENING, FULL.");
        return null;
      }
      if (faulty(value, path, "level")) {
        return null;
      }
      EiaLevel level = value.isTextual() ? parse(EiaLevel.class, value.asText()) : null;
      if (level == null || level == EiaLevel.NONE) {
        error(path + "/level", "level must be one of SCREENING, FULL, but was " + show(value) + ".");
        return null;
      }
      return level;
    }
  }
}

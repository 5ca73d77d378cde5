package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.LocatedTree;
import org.councilgateway.internal.ReadLimits;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.InHouseCapability;
import org.councilgateway.facts.Interdependency;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.SafeguardingSensitive;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.facts.ServiceScope;
import org.councilgateway.facts.LocalField;
import org.councilgateway.facts.Settings;
import org.councilgateway.model.LocalValues;
import org.councilgateway.facts.JointWorkplan;
import org.councilgateway.facts.GateRequirement;
import org.councilgateway.model.GateStage;

/**
 * Reads the reference data file and checks that it holds together, reporting each problem with
 * its file, line and column.
 */
final class ReferenceDataReader {
  /** The factory for the default limits, which nearly every read uses. */
  private static final YAMLFactory DEFAULT_YAML = ReadLimits.forRuleFiles(Limits.DEFAULTS).yamlFactory();
  private static final Set<String> TOP_LEVEL = Set.of("directorates", "serviceAreas", "interdependencies",
      "protectedCharacteristics", "clientGroups", "partnerCommissioners", "inHouseCapability",
      "safeguardingSensitive", "settings", "jointWorkplans", "gateStages", "localFields", "localSettings");
  /** Settings a reference data file may leave out (older files predate them). */
  private static final List<String> OPTIONAL_SETTINGS = List.of("serviceReviewValidityMonths", "councilName");
  private static final List<String> SETTINGS = List.of("keyDecisionValue", "keyDecisionWards",
      "eiaValidityMonths", "overlapWindowMonths", "blanketReductionCount", "cumulativeProviderCount");

  private final String file;
  private final Limits limits;
  private final List<Problem> problems = new ArrayList<>();
  /** Each code gateStages names, at its place (the message is the code), for the compiler to check against the rules. */
  private final List<Problem> gateCodes = new ArrayList<>();
  private LocatedTree tree;

  private ReferenceDataReader(String file, Limits limits) {
    this.file = file;
    this.limits = limits;
  }

  /** The outcome of reading: the data when sound, and every problem found. */
  record Result(ReferenceData data, List<Problem> problems, List<Problem> gateCodes) {
    Result(ReferenceData data, List<Problem> problems) {
      this(data, problems, List.of());
    }
  }

  static Result read(String file, String content) {
    return read(file, content, Limits.DEFAULTS);
  }

  /**
   * Reads reference data within limits: its size ({@link Limits#ruleFileBytes()}) and its numbers.
   *
   * @param file the file as messages name it
   * @param content its text
   * @param limits the limits
   * @return the data when sound, and every problem found
   */
  static Result read(String file, String content, Limits limits) {
    return new ReferenceDataReader(file, limits).read(content);
  }

  private Result read(String content) {
    if (content.length() > limits.ruleFileBytes()) {
      // Characters are never more than the bytes they were read from.
      problems.add(new Problem(file, 0, 0, "is larger than " + String.format(Locale.ROOT, "%,d", limits.ruleFileBytes())
          + " bytes, the most a reference data file may be."));
      return new Result(null, problems);
    }
    YAMLFactory yaml = limits.equals(Limits.DEFAULTS) ? DEFAULT_YAML : ReadLimits.forRuleFiles(limits).yamlFactory();
    try (JsonParser parser = yaml.createParser(content)) {
      tree = LocatedTree.read(parser, limits.numberDigits(), limits.numberScale());
    } catch (BoundedTree.DuplicateKeyException e) {
      var at = e.getLocation();
      problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "The key \"" + e.key() + "\" is given twice in one mapping" + (e.firstLine() > 0 ? " (first on line "
          + e.firstLine() + ")" : "") + ": give each key once, as the later would silently replace the earlier."));
      return new Result(null, problems);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not valid YAML: " + e.getOriginalMessage()));
      return new Result(null, problems);
    } catch (IOException e) {
      problems.add(new Problem(file, 0, 0, "cannot be read: " + e.getMessage()));
      return new Result(null, problems);
    }
    JsonNode root = tree.root();
    faults(root, "");
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    if (!root.isObject()) {
      problems.add(problem(root, "The reference data must be a mapping with the keys " + String.join(", ", sorted(TOP_LEVEL)) + "."));
      return new Result(null, problems);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        problems.add(problem(root.get(name), "Unknown key \"" + name + "\": the reference data does not define it."));
      }
    }
    List<Directorate> directorates = codes(root, "directorates").stream().map(Directorate::new).toList();
    List<ServiceArea> serviceAreas = entries(root, "serviceAreas", this::serviceArea);
    List<Interdependency> interdependencies = entries(root, "interdependencies", this::interdependency);
    List<String> characteristics = codes(root, "protectedCharacteristics");
    List<ClientGroup> clientGroups = entries(root, "clientGroups", this::clientGroup);
    List<PartnerCommissioner> partners = codes(root, "partnerCommissioners").stream().map(PartnerCommissioner::new).toList();
    List<InHouseCapability> inHouse = codes(root, "inHouseCapability").stream().map(InHouseCapability::new).toList();
    List<SafeguardingSensitive> safeguarding = codes(root, "safeguardingSensitive").stream().map(SafeguardingSensitive::new).toList();
    List<LocalField> localFields = localDeclarations(root, "localFields", "local field");
    List<LocalField> localSettings = localDeclarations(root, "localSettings", "local setting");
    Settings settings = settings(root.get("settings"), localSettings);
    List<JointWorkplan> workplans = jointWorkplans(root, serviceAreas, partners);
    List<GateRequirement> gate = gateRequirements(root);
    checkConsistency(root, directorates, serviceAreas, characteristics);
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(new ReferenceData(directorates, serviceAreas, interdependencies, characteristics,
        clientGroups, partners, inHouse, safeguarding, settings, workplans, gate, localFields, localSettings), problems,
        gateCodes);
  }

  /** Reports every number the tree refused, each at its place. */
  private void faults(JsonNode node, String path) {
    BoundedTree.Fault fault = BoundedTree.fault(node);
    if (fault != null) {
      problems.add(problem(node, fault.sentence(path.isEmpty() ? "The value" : path)));
    } else if (node.isObject()) {
      node.properties().forEach(field -> faults(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        faults(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private void checkConsistency(JsonNode root, List<Directorate> directorates, List<ServiceArea> areas,
      List<String> characteristics) {
    Set<String> directorateCodes = new HashSet<>();
    directorates.forEach(d -> directorateCodes.add(d.code()));
    Set<String> areaCodes = new HashSet<>();
    areas.forEach(a -> areaCodes.add(a.code()));
    Set<String> characteristicCodes = new HashSet<>(characteristics);
    JsonNode areaNodes = root.path("serviceAreas");
    List<Reference> owners = new ArrayList<>();
    for (JsonNode area : areaNodes) {
      JsonNode owner = area.path("owner");
      if (owner.isTextual()) {
        owners.add(new Reference(owner, "Service area " + area.path("code").asText() + " is owned by "
            + owner.asText() + ", which is not a directorate in directorates."));
      }
    }
    resolve(owners, root.path("directorates"), Function.identity(), directorateCodes, "directorates", "a directorate",
        "service area(s) are owned by");
    List<Reference> areaReferences = new ArrayList<>();
    for (JsonNode link : root.path("interdependencies")) {
      for (String end : List.of("from", "to")) {
        JsonNode code = link.path(end);
        if (code.isTextual()) {
          areaReferences.add(new Reference(code, "Interdependency " + end + " " + code.asText()
              + " is not a service area in serviceAreas."));
        }
      }
    }
    for (String list : List.of("inHouseCapability", "safeguardingSensitive")) {
      for (JsonNode code : root.path(list)) {
        if (code.isTextual()) {
          areaReferences.add(new Reference(code, list + " names " + code.asText()
              + ", which is not a service area in serviceAreas."));
        }
      }
    }
    resolve(areaReferences, areaNodes, node -> node.path("code"), areaCodes, "serviceAreas", "a service area",
        "entries of interdependencies, inHouseCapability or safeguardingSensitive name");
    for (JsonNode group : root.path("clientGroups")) {
      for (JsonNode code : group.path("characteristics")) {
        if (code.isTextual() && !characteristicCodes.contains(code.asText())) {
          problems.add(problem(code, "Client group " + group.path("code").asText() + " engages " + code.asText()
              + ", which is not in protectedCharacteristics."));
        }
      }
    }
    duplicates(root.path("directorates"), Function.identity(), "directorate");
    duplicates(areaNodes, node -> node.path("code"), "service area");
    duplicates(root.path("clientGroups"), node -> node.path("code"), "client group");
  }

  /** A place in the reference data that names a code defined elsewhere in it, and what to say when it is not. */
  private record Reference(JsonNode code, String message) {}

  /**
   * Reports each reference to a code that is not defined, except where a slip in the definition is
   * the likely cause: when several references name the same undefined code and a defined code that
   * nothing names is close to it in spelling, that definition is reported once, at its line, instead
   * of every reference.
   */
  private void resolve(List<Reference> references, JsonNode definitions, Function<JsonNode, JsonNode> codeOf,
      Set<String> defined, String list, String what, String named) {
    Map<String, List<Reference>> missing = new java.util.LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Reference reference : references) {
      String code = reference.code().asText();
      if (defined.contains(code)) {
        used.add(code);
      } else {
        missing.computeIfAbsent(code, c -> new ArrayList<>()).add(reference);
      }
    }
    Map<String, JsonNode> unused = new java.util.LinkedHashMap<>();
    for (JsonNode definition : definitions) {
      JsonNode code = codeOf.apply(definition);
      if (code.isTextual() && !used.contains(code.asText())) {
        unused.putIfAbsent(code.asText(), code);
      }
    }
    missing.forEach((code, places) -> {
      // One place naming an undefined code is most likely a slip there; several naming the same one,
      // beside a defined code that nothing names, point to a slip in the definition.
      String slip = places.size() < 2 ? null : org.councilgateway.internal.Names.closest(code, unused.keySet());
      if (slip != null && unused.remove(slip) != null) {
        JsonNode at = codeOf.apply(findDefinition(definitions, codeOf, slip));
        problems.add(problem(at, list + " lists " + slip + ", which nothing names, while " + places.size() + " "
            + named + " " + code + ", which " + list + " does not list (first on line " + tree.line(places.get(0).code())
            + "): is " + slip + " a slip for " + code + "? Correct the one that is misspelt."));
      } else {
        places.forEach(place -> problems.add(problem(place.code(), place.message())));
      }
    });
  }

  /** A hint for a number written with thousands separators, which YAML reads as text. */
  private static String withoutSeparators(JsonNode value) {
    String text = value.isTextual() ? value.asText().strip() : "";
    return text.matches("[0-9]{1,3}(,[0-9]{3})+") ? " Write it without commas, as " + text.replace(",", "") + "." : "";
  }

  private static JsonNode findDefinition(JsonNode definitions, Function<JsonNode, JsonNode> codeOf, String code) {
    for (JsonNode definition : definitions) {
      if (codeOf.apply(definition).asText().equals(code)) {
        return definition;
      }
    }
    throw new IllegalStateException(code);
  }

  private void duplicates(JsonNode list, Function<JsonNode, JsonNode> codeOf, String what) {
    Set<String> seen = new HashSet<>();
    for (JsonNode entry : list) {
      JsonNode code = codeOf.apply(entry);
      if (code.isTextual() && !seen.add(code.asText())) {
        problems.add(problem(code, "The " + what + " " + code.asText() + " is defined twice."));
      }
    }
  }

  private List<String> codes(JsonNode root, String key) {
    JsonNode list = root.get(key);
    if (list == null || !list.isArray()) {
      problems.add(problem(list == null ? root : list, "\"" + key + "\" must be a list of codes."));
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (JsonNode item : list) {
      if (item.isTextual() && !item.asText().isBlank()) {
        codes.add(item.asText());
      } else {
        problems.add(problem(item, "Each entry of \"" + key + "\" must be a code, but found " + describe(item) + "."));
      }
    }
    return List.copyOf(codes);
  }

  private interface EntryReader<T> {
    T read(JsonNode entry);
  }

  private <T> List<T> entries(JsonNode root, String key, EntryReader<T> reader) {
    JsonNode list = root.get(key);
    if (list == null || !list.isArray()) {
      problems.add(problem(list == null ? root : list, "\"" + key + "\" must be a list."));
      return List.of();
    }
    List<T> result = new ArrayList<>();
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        problems.add(problem(entry, "Each entry of \"" + key + "\" must be a mapping, but found " + describe(entry) + "."));
        continue;
      }
      T value = reader.read(entry);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  private ServiceArea serviceArea(JsonNode entry) {
    onlyKeys(entry, "service area", Set.of("code", "owner", "scope"));
    String code = text(entry, "code", "service area");
    String owner = text(entry, "owner", "service area");
    String scope = text(entry, "scope", "service area");
    ServiceScope parsed = null;
    if (scope != null) {
      try {
        parsed = ServiceScope.valueOf(scope);
      } catch (IllegalArgumentException e) {
        problems.add(problem(entry.get("scope"), "scope must be one of COUNCIL_WIDE, SINGLE_DIRECTORATE, BY_IMPACTS but was \"" + scope + "\"."));
      }
    }
    return code == null || owner == null || parsed == null ? null : new ServiceArea(code, owner, parsed);
  }

  private Interdependency interdependency(JsonNode entry) {
    onlyKeys(entry, "interdependency", Set.of("from", "to", "source"));
    String from = text(entry, "from", "interdependency");
    String to = text(entry, "to", "interdependency");
    String source = text(entry, "source", "interdependency");
    return from == null || to == null || source == null ? null : new Interdependency(from, to, source);
  }

  private ClientGroup clientGroup(JsonNode entry) {
    onlyKeys(entry, "client group", Set.of("code", "characteristics"));
    String code = text(entry, "code", "client group");
    JsonNode list = entry.get("characteristics");
    if (list == null || !list.isArray()) {
      problems.add(problem(list == null ? entry : list, "A client group needs \"characteristics\", a list (empty for none)."));
      return null;
    }
    List<String> characteristics = new ArrayList<>();
    for (JsonNode item : list) {
      if (item.isTextual()) {
        characteristics.add(item.asText());
      } else {
        problems.add(problem(item, "Each characteristic must be a code, but found " + describe(item) + "."));
      }
    }
    return code == null ? null : new ClientGroup(code, characteristics);
  }

  /**
   * The council's own fields or settings: each a mapping with a name, a type and a description
   * (and, for type codes, the codes allowed), each name once.
   */
  private List<LocalField> localDeclarations(JsonNode root, String key, String what) {
    if (!root.has(key) || root.get(key).isNull()) {
      return List.of();
    }
    List<LocalField> declared = entries(root, key, entry -> localDeclaration(entry, what));
    Set<String> names = new HashSet<>();
    for (JsonNode entry : root.get(key)) {
      JsonNode name = entry.get("name");
      if (name != null && name.isTextual() && !names.add(name.asText())) {
        problems.add(problem(name, "The " + what + " " + name.asText() + " is declared twice in " + key + "."));
      }
    }
    return declared;
  }

  private LocalField localDeclaration(JsonNode entry, String what) {
    onlyKeys(entry, what, Set.of("name", "type", "description", "values"));
    JsonNode name = entry.get("name");
    String nameText = null;
    if (name == null || !name.isTextual() || !LocalField.isName(name.asText())) {
      problems.add(problem(name == null ? entry : name, "A " + what + " needs \"name\": a letter, then letters and"
          + " digits (no spaces), such as marketImpactAssessed" + (name == null ? "." : ", but found " + describe(name) + ".")));
    } else if (what.equals("local setting") && (SETTINGS.contains(name.asText()) || OPTIONAL_SETTINGS.contains(name.asText()))) {
      problems.add(problem(name, "The local setting " + name.asText() + " has the name of a setting the gateway"
          + " already has: give it a name of its own, or set settings." + name.asText() + " directly."));
    } else {
      nameText = name.asText();
    }
    JsonNode type = entry.get("type");
    LocalField.Type parsed = null;
    String types = java.util.Arrays.stream(LocalField.Type.values()).map(LocalField.Type::label)
        .collect(java.util.stream.Collectors.joining(", "));
    if (type == null || !type.isTextual()) {
      problems.add(problem(type == null ? entry : type, "A " + what + " needs \"type\": one of " + types + "."));
    } else {
      for (LocalField.Type candidate : LocalField.Type.values()) {
        if (candidate.label().equals(type.asText())) {
          parsed = candidate;
        }
      }
      if (parsed == null) {
        problems.add(problem(type, "The type of a " + what + " must be one of " + types + ", but was \""
            + type.asText() + "\"."));
      }
    }
    JsonNode description = entry.get("description");
    if (description == null || !description.isTextual() || description.asText().isBlank()) {
      problems.add(problem(description == null ? entry : description, "A " + what + " needs \"description\": what it"
          + " means, in plain words, for the catalogue and the fields reference."));
    }
    List<String> values = List.of();
    if (entry.has("values")) {
      if (parsed != LocalField.Type.CODES) {
        problems.add(problem(entry.get("values"), "Only a " + what + " of type codes has \"values\"."));
      } else {
        values = codeList(entry, "values", "A " + what, "allowed value").stream().map(JsonNode::asText).toList();
      }
    }
    return nameText == null || parsed == null || description == null || !description.isTextual()
        || description.asText().isBlank() ? null : new LocalField(nameText, parsed, description.asText(), values);
  }

  /** A local setting's value, checked against its declared type; null, with a problem, when it is not one. */
  private Object localValue(LocalField declared, JsonNode value) {
    String at = "settings." + declared.name();
    switch (declared.type()) {
      case BOOLEAN -> {
        if (value.isBoolean()) {
          return value.asBoolean();
        }
        problems.add(problem(value, at + " must be true or false, but was " + describe(value) + "."));
      }
      case NUMBER -> {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
          return value.asLong();
        }
        problems.add(problem(value, at + " must be a whole number of at least 0, but was " + describe(value) + "."
            + withoutSeparators(value)));
      }
      case TEXT -> {
        if (value.isTextual() && !value.asText().isBlank()) {
          return value.asText();
        }
        problems.add(problem(value, at + " must be a text, but was " + describe(value) + "."));
      }
      case DATE -> {
        java.time.LocalDate date = null;
        if (value.isTextual()) {
          try {
            date = java.time.LocalDate.parse(value.asText());
          } catch (java.time.format.DateTimeParseException e) {
            date = null;
          }
        }
        if (date != null) {
          return date;
        }
        problems.add(problem(value, at + " must be a date in the form yyyy-MM-dd, but was " + describe(value) + "."));
      }
      case CODES -> {
        if (!value.isArray()) {
          problems.add(problem(value, at + " must be a list of codes, but was " + describe(value) + "."));
          return null;
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode code : value) {
          if (!code.isTextual() || code.asText().isBlank()) {
            problems.add(problem(code, "Each entry of " + at + " must be a code, but found " + describe(code) + "."));
          } else if (!declared.values().isEmpty() && !declared.values().contains(code.asText())) {
            problems.add(problem(code, at + " may hold only " + String.join(", ", declared.values()) + ", but holds \""
                + code.asText() + "\"."));
          } else {
            codes.add(code.asText());
          }
        }
        return codes;
      }
    }
    return null;
  }

  private Settings settings(JsonNode node, List<LocalField> localSettings) {
    if (node == null || !node.isObject()) {
      problems.add(problem(node == null ? tree.root() : node, "\"settings\" must be a mapping with " + String.join(", ", SETTINGS) + "."));
      return null;
    }
    Set<String> allowed = new HashSet<>(SETTINGS);
    allowed.addAll(OPTIONAL_SETTINGS);
    Map<String, LocalField> declared = new java.util.LinkedHashMap<>();
    localSettings.forEach(setting -> declared.put(setting.name(), setting));
    // A misspelt setting is one problem, at the slip, not a second one for the setting it misses.
    Set<String> misspelt = new HashSet<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!allowed.contains(key) && !declared.containsKey(key)) {
        Set<String> known = new HashSet<>(allowed);
        known.addAll(declared.keySet());
        String closest = org.councilgateway.internal.Names.closest(key, known);
        if (closest != null && !node.has(closest)) {
          misspelt.add(closest);
        }
        problems.add(problem(field.getValue(), "settings." + key + " is not a setting the gateway knows"
            + (closest == null ? "." : "; did you mean " + closest + "?") + " To add a setting of your own, declare it"
            + " under localSettings, with its name, type and description."));
      }
    }
    Map<String, Object> local = new java.util.LinkedHashMap<>();
    for (LocalField setting : localSettings) {
      JsonNode value = node.get(setting.name());
      if (value == null || value.isNull()) {
        if (!misspelt.contains(setting.name())) {
          problems.add(problem(node, "settings." + setting.name() + " is missing: localSettings declares it, so"
              + " settings must give its value."));
        }
      } else {
        Object parsed = localValue(setting, value);
        if (parsed != null) {
          local.put(setting.name(), parsed);
        }
      }
    }
    long[] values = new long[SETTINGS.size()];
    boolean sound = true;
    for (int i = 0; i < SETTINGS.size(); i++) {
      String name = SETTINGS.get(i);
      JsonNode value = node.get(name);
      long minimum = name.equals("keyDecisionValue") ? 0 : 1;
      if (value == null) {
        if (!misspelt.contains(name)) {
          problems.add(problem(node, "settings." + name + " is missing."));
        }
        sound = false;
      } else if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < minimum
          || i > 0 && value.asLong() > Integer.MAX_VALUE) {
        problems.add(problem(value, "settings." + name + " must be a whole number of at least " + minimum
            + " but was " + value.asText() + "." + withoutSeparators(value)));
        sound = false;
      } else {
        values[i] = value.asLong();
      }
    }
    int reviewValidity = Settings.DEFAULT_SERVICE_REVIEW_VALIDITY_MONTHS;
    JsonNode review = node.get("serviceReviewValidityMonths");
    if (review != null) {
      if (!review.isIntegralNumber() || !review.canConvertToInt() || review.asInt() < 1) {
        problems.add(problem(review, "settings.serviceReviewValidityMonths must be a whole number of at least 1 but was "
            + review.asText() + "."));
        sound = false;
      } else {
        reviewValidity = review.asInt();
      }
    }
    String councilName = null;
    JsonNode name = node.get("councilName");
    if (name != null) {
      if (!name.isTextual() || name.asText().isBlank()) {
        problems.add(problem(name, "settings.councilName must be a text, but found " + describe(name) + "."));
        sound = false;
      } else {
        councilName = name.asText();
      }
    }
    return sound ? new Settings(values[0], (int) values[1], (int) values[2], (int) values[3], (int) values[4],
        (int) values[5], reviewValidity, councilName, new LocalValues(local)) : null;
  }

  /** The joint workplans: each partner commissioner with the service areas it commissions jointly. */
  private List<JointWorkplan> jointWorkplans(JsonNode root, List<ServiceArea> areas, List<PartnerCommissioner> partners) {
    if (!root.has("jointWorkplans")) {
      return List.of();
    }
    Set<String> areaCodes = new HashSet<>();
    areas.forEach(area -> areaCodes.add(area.code()));
    Set<String> partnerCodes = new HashSet<>();
    partners.forEach(partner -> partnerCodes.add(partner.code()));
    List<JointWorkplan> workplans = new ArrayList<>();
    entries(root, "jointWorkplans", entry -> {
      onlyKeys(entry, "joint workplan", Set.of("partner", "serviceAreas"));
      String partner = text(entry, "partner", "joint workplan");
      if (partner != null && !partnerCodes.contains(partner)) {
        problems.add(problem(entry.get("partner"), "Joint workplan partner " + partner
            + " is not in partnerCommissioners."));
      }
      for (JsonNode code : codeList(entry, "serviceAreas", "A joint workplan", "service area")) {
        if (!areaCodes.contains(code.asText())) {
          problems.add(problem(code, "Joint workplan of " + partner + " names " + code.asText()
              + ", which is not a service area in serviceAreas."));
        } else if (partner != null) {
          workplans.add(new JointWorkplan(partner, code.asText()));
        }
      }
      return null;
    });
    return workplans;
  }

  /**
   * What each gate stage requires: the list names the codes each stage adds, and a stage requires
   * its own and those of every stage before it (in the order of {@link GateStage}).
   */
  private List<GateRequirement> gateRequirements(JsonNode root) {
    if (!root.has("gateStages")) {
      return List.of();
    }
    Map<GateStage, List<String>> adds = new java.util.EnumMap<>(GateStage.class);
    String stages = java.util.Arrays.stream(GateStage.values()).map(Enum::name)
        .collect(java.util.stream.Collectors.joining(", "));
    entries(root, "gateStages", entry -> {
      onlyKeys(entry, "gate stage", Set.of("stage", "requires"));
      String name = text(entry, "stage", "gate stage");
      GateStage stage = null;
      if (name != null) {
        try {
          stage = GateStage.valueOf(name);
        } catch (IllegalArgumentException e) {
          problems.add(problem(entry.get("stage"), "Gate stage " + name + " is not one of " + stages + "."));
        }
      }
      List<JsonNode> codes = codeList(entry, "requires", "A gate stage", "required code");
      codes.forEach(code -> gateCodes.add(problem(code, code.asText())));
      List<String> required = codes.stream().map(JsonNode::asText).toList();
      if (stage != null && adds.put(stage, required) != null) {
        problems.add(problem(entry.get("stage"), "The gate stage " + stage + " is defined twice."));
      }
      return null;
    });
    List<GateRequirement> requirements = new ArrayList<>();
    java.util.LinkedHashSet<String> sofar = new java.util.LinkedHashSet<>();
    for (GateStage stage : GateStage.values()) {
      sofar.addAll(adds.getOrDefault(stage, List.of()));
      for (String code : sofar) {
        requirements.add(new GateRequirement(stage, code));
      }
    }
    return requirements;
  }

  /**
   * An entry's list of codes, each a non-blank text; every other item, or a missing list, is a
   * problem at its place.
   *
   * @param entry the mapping that holds the list
   * @param key the list's key
   * @param owner what the mapping is, for the message ("A gate stage")
   * @param what what each code is, for the message ("required code")
   * @return the codes' nodes, so that a later check can name each one's place
   */
  private List<JsonNode> codeList(JsonNode entry, String key, String owner, String what) {
    JsonNode list = entry.get(key);
    if (list == null || !list.isArray()) {
      problems.add(problem(list == null ? entry : list, owner + " needs \"" + key + "\", a list of codes ([] for none)."));
      return List.of();
    }
    List<JsonNode> codes = new ArrayList<>();
    for (JsonNode code : list) {
      if (code.isTextual() && !code.asText().isBlank()) {
        codes.add(code);
      } else {
        problems.add(problem(code, "Each " + what + " must be a code, but found " + describe(code) + "."));
      }
    }
    return codes;
  }

  private void onlyKeys(JsonNode entry, String what, Set<String> keys) {
    for (Map.Entry<String, JsonNode> field : entry.properties()) {
      if (!keys.contains(field.getKey())) {
        problems.add(problem(field.getValue(), "Unknown key \"" + field.getKey() + "\" in a " + what
            + ": expected " + String.join(", ", sorted(keys)) + "."));
      }
    }
  }

  private String text(JsonNode entry, String key, String what) {
    JsonNode value = entry.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(problem(value == null ? entry : value, "A " + what + " needs \"" + key + "\", a code."));
      return null;
    }
    return value.asText();
  }

  private Problem problem(JsonNode node, String message) {
    return new Problem(file, tree.line(node), tree.column(node), message);
  }

  private static String describe(JsonNode node) {
    return node.isNull() ? "null" : node.isContainerNode() ? "a " + (node.isArray() ? "list" : "mapping") : "\"" + node.asText() + "\"";
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}

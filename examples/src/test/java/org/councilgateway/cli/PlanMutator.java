package org.councilgateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes bad plans out of good ones: starts from a valid seed plan, applies random mutations to its
 * tree (dropped fields, wrong types, extreme numbers, bad dates, odd text, deep nesting, duplicate
 * keys, YAML anchors and aliases...), writes it as JSON or YAML, and sometimes damages the text or
 * the bytes as well. What it did is listed in {@link Document#mutations()}, and the same random
 * state gives the same document.
 */
final class PlanMutator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Numbers at and past every edge a reader might have: JSON text, written as is. */
  static final List<String> EXTREME_NUMBERS = List.of("0", "-0", "-0.0", "0.0", "1e308", "-1e308", "1e309", "4.9e-324",
      "1e-400", "1E+400", "1e999999999", "1e-999999999", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483647", "2147483648", "-1",
      "-2147483649", "0.5", "99.99999999999999999999", "100", "100.0", "100.0000000000000000001", "1.0", "1e2",
      "1E2", "0e5", "0.000", "-0e0", "12345678901234567890123456789012345678901234567890",
      "9".repeat(99), "9".repeat(100), "9".repeat(101), "1" + "0".repeat(2000), "0." + "0".repeat(500) + "1",
      "1e2147483647", "1e-2147483647");
  /** Numbers that reach the exponent limit of BigDecimal (see PlanFuzzTest's disabled reproducer). */
  static final List<String> EXPONENT_OVERFLOW = List.of("1e2147483648", "1e-2147483648", "1E+9999999999",
      "0.1e-2147483648", "-1e2147483649");
  /** YAML scalars that are not plain JSON. */
  private static final List<String> YAML_SCALARS = List.of(".nan", ".NaN", ".inf", "-.inf", "+.inf", "0x1F",
      "0o17", "017", "0b101", "1_000", "~", "yes", "no", "on", "off", "Y", "N", "2026-11-23", "2026-11-23T10:00:00Z",
      "12:30:00", "!!binary aGVsbG8=", "!!float 1", "!!int abc", "!!bool maybe", "!!null x", "!!str 12",
      "!!timestamp 2001-12-14", "!!java.io.File /etc/passwd", "!custom thing", "!<tag:yaml.org,2002:int> 3",
      "!!set {a, b}", "!!omap [a: 1, b: 2]", "!!pairs [a: 1]", "*undefined", "&lonely 5", "|\n  block\n  text",
      ">-\n  folded", "? complex", "[a, [b, {c: d}]]", "{a: 1, a: 2}", "'single ''quoted'''", "\"\\x41\\u263A\"",
      "\"\\ud800\"", "\"\\U0001F600\"", "-", ":", "@at", "`tick", "%percent", "!", "&", "*");
  private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "0000-00-00",
      "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "+2026-01-01", "-2026-01-01", "+999999999-12-31",
      "2026-1-1", "26-11-23", "2026/11/23", "23/11/2026", "2026-11-23T00:00", "2026-11-23 ", " 2026-11-23",
      "2026-11-23\n", "", " ", "today", "٢٠٢٦-١١-٢٣", "２０２６-１１-２３", "2026-11-23\u0000", "20261123",
      "2026-W47-1", "2026-327", "1e3", "null");
  /** Odd text; none holds "Exception" or a tab before "at ", which the test takes for a stack trace. */
  private static final List<String> ODD_TEXTS = List.of("", " ", "\t", "\n", "\u0000", "\u0001\u0002\u001F",
      "\u007F", "\u0085", "\u00A0", "\u2028\u2029", "\u200B", "\u200E\u200F", "\u202Eevil\u202C", "\uFEFF",
      "\uFFFD", "\uFFFF", "😀👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "Ⅻ", "ǅ", "ß", "İ", "PEOPLE\u0000", "PEOPLE ",
      " PEOPLE", "people", "Peoplé", "ＰＥＯＰＬＥ", "NEW\n", "REDUCE\u200B", "${jndi:ldap://example.invalid/a}",
      "<script>alert(1)</script>", "'; DROP TABLE proposals; --", "%s%n%x", "\\", "\"", "\\u0000", "/", "~1",
      "~0", "#", "a/b~c", "..", "C:\\\\CON", "null", "true", "0", "NaN", "-");
  /** JSON escapes that a Java string cannot hold as text (a lone surrogate), written raw. */
  private static final List<String> RAW_STRINGS = List.of("\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"",
      "\"\\udbff\\udfff\"", "\"\\u0000\"", "\"\\/\"", "\"\\uD83D\\uDE00\"");
  private static final List<String> ENUM_FIELDS = List.of("changeType", "paymentModel", "sector", "performance",
      "source", "kind", "level", "deliveryOptions", "consulted");
  private static final List<String> DATE_FIELDS = List.of("startDate", "on", "asOf");
  private static final List<String> UNKNOWN_FIELDS = List.of("colour", "Id", "ID", "", " ", "id ", "ïd", "__proto__",
      "constructor", "proposals", "asOf", "$ref", "a/b", "~", "<<", "\u0000", "😀", "x".repeat(300));

  private final List<ObjectNode> seeds;
  private int placeholders;

  /**
   * A mutated plan document.
   *
   * @param name its file name, which decides JSON or YAML
   * @param bytes its bytes, as written to a file
   * @param mutations what was done to the seed, in order
   */
  record Document(String name, byte[] bytes, List<String> mutations) {
    boolean yaml() {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
  }

  /** A value slot in the tree: a field of an object or an entry of a list. */
  private record Slot(JsonNode parent, String field, int index, String path) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) parent).set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  /**
   * Creates a mutator.
   *
   * @param seeds valid plans to start from
   */
  PlanMutator(List<ObjectNode> seeds) {
    this.seeds = List.copyOf(seeds);
  }

  /**
   * Makes one bad plan.
   *
   * @param random the random state; the same state gives the same document
   * @param knownBugs whether to use inputs that trigger bugs already reported
   * @return the document
   */
  Document mutate(SplittableRandom random, boolean knownBugs) {
    placeholders = 0;
    List<String> done = new ArrayList<>();
    Map<String, String> raw = new LinkedHashMap<>();
    boolean yaml = random.nextInt(10) < 3;
    ObjectNode root;
    if (random.nextInt(4) == 0) {
      root = SeedPlans.generate(random);
      done.add("generated seed of " + root.get("proposals").size() + " proposal(s)");
    } else {
      int which = random.nextInt(seeds.size());
      root = seeds.get(which).deepCopy();
      done.add("seed " + which);
    }
    for (int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 3); n > 0; n--) {
      done.add(mutateTree(random, root, raw, yaml, knownBugs));
    }
    String text = write(random, root, yaml);
    // Latest first: a later raw value (an anchored copy of a subtree) may hold earlier placeholders.
    List<Map.Entry<String, String>> substitutions = new ArrayList<>(raw.entrySet());
    for (int i = substitutions.size() - 1; i >= 0; i--) {
      text = substitute(text, substitutions.get(i).getKey(), substitutions.get(i).getValue());
    }
    if (random.nextInt(4) == 0) {
      int n = 1 + random.nextInt(2);
      for (; n > 0; n--) {
        String before = text;
        text = mutateText(random, text, yaml);
        done.add(describeTextChange(before, text));
      }
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(12) == 0) {
      bytes = mutateBytes(random, bytes, done);
    }
    return new Document(name(random, yaml), bytes, List.copyOf(done));
  }

  private static String name(SplittableRandom random, boolean yaml) {
    if (yaml) {
      return pick(random, List.of("plan.yaml", "plan.yml", "PLAN.YAML", "plan.yaml", "plan"));
    }
    return pick(random, List.of("plan.json", "plan.json", "plan.JSON", "plan"));
  }

  // --- tree mutations -------------------------------------------------------------------------

  private String mutateTree(SplittableRandom random, ObjectNode root, Map<String, String> raw, boolean yaml,
      boolean knownBugs) {
    List<Slot> slots = slots(root);
    if (slots.isEmpty()) {
      root.set("proposals", NODES.arrayNode());
      return "proposals emptied";
    }
    Slot slot = pick(random, slots);
    int kind = random.nextInt(yaml ? 24 : 20);
    switch (kind) {
      case 0, 1 -> {
        List<Slot> fields = slots.stream().filter(s -> s.field() != null).toList();
        Slot field = pick(random, fields);
        ((ObjectNode) field.parent()).remove(field.field());
        return "drop " + field.path();
      }
      case 2 -> {
        slot.set(NODES.nullNode());
        return "null " + slot.path();
      }
      case 3, 4 -> {
        JsonNode value = wrongType(random, slot.get());
        slot.set(value);
        return "wrong type " + slot.path() + " = " + shorten(value.toString());
      }
      case 5, 6 -> {
        List<String> numbers = new ArrayList<>(EXTREME_NUMBERS);
        if (knownBugs && !yaml) {
          numbers.addAll(EXPONENT_OVERFLOW);
        }
        String number = pick(random, numbers);
        slot.set(placeholder(raw, number));
        return "number " + slot.path() + " = " + shorten(number);
      }
      case 7 -> {
        List<Slot> dates = slots.stream().filter(s -> s.field() != null && DATE_FIELDS.contains(s.field())).toList();
        Slot date = dates.isEmpty() ? slot : pick(random, dates);
        String value = pick(random, BAD_DATES);
        date.set(NODES.textNode(value));
        return "date " + date.path() + " = " + shorten(value);
      }
      case 8 -> {
        if (random.nextInt(4) == 0) {
          String value = pick(random, RAW_STRINGS);
          slot.set(placeholder(raw, value));
          return "escaped text " + slot.path() + " = " + value;
        }
        String value = pick(random, ODD_TEXTS);
        if (random.nextBoolean() && slot.get().isTextual()) {
          value = random.nextBoolean() ? slot.get().asText() + value : value + slot.get().asText();
        }
        slot.set(NODES.textNode(value));
        return "text " + slot.path() + " = " + shorten(JSON.valueToTree(value).toString());
      }
      case 9 -> {
        int length = random.nextInt(100) == 0 ? 1_000_001 : pick(random, List.of(256, 5_000, 70_000));
        slot.set(NODES.textNode(longText(random, length)));
        return "long text " + slot.path() + " of " + length + " chars";
      }
      case 10 -> {
        int depth = random.nextInt(100) == 0 ? 50_000 : pick(random, List.of(3, 61, 62, 63, 64, 65, 100, 2_000));
        slot.set(placeholder(raw, nested(random, depth, yaml)));
        return "nesting " + slot.path() + " " + depth + " deep";
      }
      case 11 -> {
        return duplicateKey(random, slots, raw);
      }
      case 12 -> {
        return duplicateProposal(random, root);
      }
      case 13 -> {
        List<Slot> enums = slots.stream().filter(s -> s.get().isTextual()
            && (s.field() != null ? ENUM_FIELDS.contains(s.field()) : s.parent().isArray())).toList();
        Slot value = enums.isEmpty() ? slot : pick(random, enums);
        String text = value.get().asText();
        String changed = random.nextBoolean() ? text.toLowerCase(Locale.ROOT)
            : text.isEmpty() ? " " : text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
        value.set(NODES.textNode(changed));
        return "case " + value.path() + " = " + shorten(changed);
      }
      case 14 -> {
        List<ObjectNode> objects = objects(root);
        ObjectNode object = pick(random, objects);
        String name = pick(random, UNKNOWN_FIELDS);
        object.set(name, wrongType(random, NODES.nullNode()));
        return "unknown field " + shorten(name);
      }
      case 15 -> {
        JsonNode proposals = root.get("proposals");
        if (proposals instanceof ArrayNode list) {
          JsonNode entry = pick(random, List.of(NODES.objectNode(), NODES.nullNode(), NODES.numberNode(42),
              NODES.textNode("proposal"), NODES.arrayNode(), NODES.booleanNode(true),
              NODES.objectNode().put("id", "ONLY-ID")));
          list.insert(random.nextInt(list.size() + 1), entry);
          return "odd proposal " + entry;
        }
        return "no proposals list to add to";
      }
      case 16 -> {
        return documentLevel(random, root);
      }
      case 17 -> {
        Slot from = pick(random, slots);
        JsonNode value = from.get().deepCopy();
        slot.set(value);
        return "copy " + from.path() + " to " + slot.path();
      }
      case 18 -> {
        return manyProposals(random, root);
      }
      case 19 -> {
        List<Slot> numbers = slots.stream().filter(s -> s.get().isNumber()).toList();
        Slot number = numbers.isEmpty() ? slot : pick(random, numbers);
        String value = pick(random, List.of("-1", "1.5", "-0.5", "1e1", "0.1e1", "10E-1", "\"12\"", "1.000"));
        number.set(placeholder(raw, value));
        return "number " + number.path() + " = " + value;
      }
      default -> {
        return yamlFeature(random, root, slots, raw);
      }
    }
  }

  private String yamlFeature(SplittableRandom random, ObjectNode root, List<Slot> slots, Map<String, String> raw) {
    JsonNode proposals = root.get("proposals");
    switch (random.nextInt(6)) {
      case 0 -> {
        String scalar = pick(random, YAML_SCALARS);
        Slot slot = pick(random, slots);
        slot.set(placeholder(raw, scalar));
        return "yaml " + slot.path() + " = " + shorten(scalar);
      }
      case 1 -> {
        // An anchored value, and an alias to it later in the document.
        int first = random.nextInt(slots.size());
        int later = first + random.nextInt(slots.size() - first);
        Slot anchored = slots.get(first);
        Slot alias = slots.get(later);
        String name = "a" + random.nextInt(3);
        anchored.set(placeholder(raw, "&" + name + " " + flow(anchored.get())));
        if (later != first) {
          alias.set(placeholder(raw, "*" + name));
        }
        return "anchor " + anchored.path() + ", alias " + alias.path();
      }
      case 2 -> {
        if (proposals instanceof ArrayNode list && list.size() > 0 && list.get(0).isObject()) {
          list.set(0, placeholder(raw, "&p " + flow(list.get(0))));
          if (random.nextBoolean()) {
            list.add(placeholder(raw, "*p"));
            return "proposal 0 anchored and aliased as a new proposal";
          }
          ObjectNode merged = NODES.objectNode();
          merged.set(placeholderKey(raw, "<<"), placeholder(raw, "*p"));
          merged.put("id", "MERGED-" + random.nextInt(100));
          list.add(merged);
          return "proposal 0 anchored and merged into a new proposal";
        }
        return "no proposal to anchor";
      }
      case 3 -> {
        Slot slot = pick(random, slots);
        slot.set(placeholder(raw, billionLaughs(random.nextInt(3, 10))));
        return "billion laughs at " + slot.path();
      }
      case 4 -> {
        Slot slot = pick(random, slots);
        slot.set(placeholder(raw, "*missing"));
        return "undefined alias at " + slot.path();
      }
      default -> {
        Slot slot = pick(random, slots);
        slot.set(placeholder(raw, "! " + flow(slot.get())));
        return "non-specific tag at " + slot.path();
      }
    }
  }

  private static String billionLaughs(int levels) {
    StringBuilder text = new StringBuilder("[&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
    for (int level = 1; level < levels; level++) {
      text.append(", &l").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        text.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      text.append(']');
    }
    return text.append(']').toString();
  }

  private String duplicateKey(SplittableRandom random, List<Slot> slots, Map<String, String> raw) {
    List<Slot> fields = slots.stream().filter(s -> s.field() != null).toList();
    Slot field = pick(random, fields);
    ObjectNode object = (ObjectNode) field.parent();
    object.set(placeholderKey(raw, field.field()), field.get().deepCopy());
    return "duplicate key " + field.path();
  }

  private static String duplicateProposal(SplittableRandom random, ObjectNode root) {
    if (root.get("proposals") instanceof ArrayNode list && list.size() > 0) {
      int from = random.nextInt(list.size());
      list.insert(random.nextInt(list.size() + 1), list.get(from).deepCopy());
      return "duplicate proposal " + from;
    }
    return "no proposal to duplicate";
  }

  private static String manyProposals(SplittableRandom random, ObjectNode root) {
    if (root.get("proposals") instanceof ArrayNode list && list.size() > 0 && list.get(0).isObject()) {
      int copies = random.nextInt(50) == 0 ? 2_000 : random.nextInt(10, 100);
      if (!(list.get(random.nextInt(list.size())) instanceof ObjectNode template)) {
        return "no proposal to copy";
      }
      for (int i = 0; i < copies; i++) {
        ObjectNode copy = template.deepCopy();
        copy.put("id", "COPY-" + i);
        list.add(copy);
      }
      return copies + " copies of a proposal";
    }
    return "no proposal to copy";
  }

  private static String documentLevel(SplittableRandom random, ObjectNode root) {
    switch (random.nextInt(8)) {
      case 0 -> {
        root.remove("proposals");
        return "no proposals";
      }
      case 1 -> {
        JsonNode value = pick(random, List.of(NODES.objectNode(), NODES.textNode("[]"), NODES.numberNode(0),
            NODES.booleanNode(false), NODES.objectNode().set("proposals", root.get("proposals"))));
        root.set("proposals", value);
        return "proposals = " + shorten(value.toString());
      }
      case 2 -> {
        root.put("asOf", pick(random, BAD_DATES));
        return "bad asOf";
      }
      case 3 -> {
        root.set("asOf", NODES.numberNode(20261123));
        return "numeric asOf";
      }
      case 4 -> {
        root.put("colour", "blue");
        return "unknown top-level field";
      }
      case 5 -> {
        root.remove("asOf");
        return "no asOf";
      }
      case 6 -> {
        root.putNull("asOf");
        return "null asOf";
      }
      default -> {
        root.put("asOf", pick(random, List.of("0000-01-01", "9999-12-31", "2024-02-29", "1970-01-01")));
        return "extreme asOf " + root.get("asOf").asText();
      }
    }
  }

  private static JsonNode wrongType(SplittableRandom random, JsonNode current) {
    List<JsonNode> values = new ArrayList<>(List.of(NODES.numberNode(0), NODES.numberNode(-1),
        NODES.numberNode(new BigDecimal("1.5")), NODES.booleanNode(true), NODES.booleanNode(false),
        NODES.textNode("text"), NODES.textNode(""), NODES.textNode(" "), NODES.arrayNode(),
        NODES.objectNode(), NODES.arrayNode().add("a").add(1).addNull(), NODES.objectNode().put("x", 1),
        NODES.nullNode(), NODES.textNode("12"), NODES.textNode("true"), NODES.textNode("2026-11-23")));
    values.removeIf(v -> v.getNodeType() == current.getNodeType() && v.equals(current));
    if (current.isArray() && current.size() > 0) {
      values.add(current.get(0)); // a list's entry in place of the list
    }
    if (!current.isMissingNode() && !current.isNull() && !current.isContainerNode()) {
      values.add(NODES.arrayNode().add(current.deepCopy())); // a value in place of a list of one
    }
    return pick(random, values);
  }

  private static String nested(SplittableRandom random, int depth, boolean yaml) {
    boolean arrays = random.nextBoolean();
    StringBuilder text = new StringBuilder(depth * 8);
    for (int i = 0; i < depth; i++) {
      text.append(arrays ? "[" : yaml ? "{a: " : "{\"a\": ");
    }
    text.append("1");
    for (int i = 0; i < depth; i++) {
      text.append(arrays ? "]" : "}");
    }
    return text.toString();
  }

  private static String longText(SplittableRandom random, int length) {
    String unit = pick(random, List.of("x", "é", "😀", "PEOPLE ", "\\"));
    StringBuilder text = new StringBuilder(length + unit.length());
    while (text.length() < length) {
      text.append(unit);
    }
    return text.toString();
  }

  // --- writing --------------------------------------------------------------------------------

  private JsonNode placeholder(Map<String, String> raw, String text) {
    String token = "FUZZRAW" + placeholders++ + "Q";
    raw.put(token, text);
    return NODES.textNode(token);
  }

  private String placeholderKey(Map<String, String> raw, String key) {
    String token = "FUZZKEY" + placeholders++ + "Q";
    raw.put(token, key);
    return token;
  }

  /** Puts raw text where a placeholder was written, whether the writer quoted it or not. */
  private static String substitute(String text, String token, String value) {
    boolean key = token.startsWith("FUZZKEY");
    String quotedValue = key ? JSON.valueToTree(value).toString() : value;
    String plainValue = key ? plainKey(value) : value;
    return text.replace("\"" + token + "\"", quotedValue).replace("'" + token + "'", quotedValue)
        .replace(token, plainValue);
  }

  private static String plainKey(String key) {
    return key.matches("[A-Za-z_<][A-Za-z0-9_<]*") ? key : JSON.valueToTree(key).toString();
  }

  private static String write(SplittableRandom random, JsonNode root, boolean yaml) {
    try {
      if (yaml && random.nextInt(4) != 0) {
        return YAML.writeValueAsString(root);
      }
      // Half the YAML cases are JSON text read as YAML (JSON is nearly a subset of YAML).
      return random.nextBoolean() ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          : JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String flow(JsonNode node) {
    return node.toString();
  }

  // --- text and byte mutations ----------------------------------------------------------------

  private static String mutateText(SplittableRandom random, String text, boolean yaml) {
    if (text.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(text.length() + 1);
    switch (random.nextInt(yaml ? 13 : 11)) {
      case 0, 1 -> {
        return text.substring(0, at);
      }
      case 2 -> {
        String insert = pick(random, List.of("{", "}", "[", "]", ",", ":", "\"", "'", "\\", "\n", "\u0000", "#", "&",
            "*", "-", " ", "\t", "\uFEFF", "\uD800", "é", "😀", "null", "1e999", "//", "/*"));
        return text.substring(0, at) + insert + text.substring(at);
      }
      case 3 -> {
        int end = Math.min(text.length(), at + random.nextInt(1, 50));
        return text.substring(0, at) + text.substring(end);
      }
      case 4 -> {
        int end = Math.min(text.length(), at + random.nextInt(1, 200));
        return text.substring(0, end) + text.substring(at, end) + text.substring(end);
      }
      case 5 -> {
        return "\uFEFF" + text;
      }
      case 6 -> {
        return text.replace("\n", "\r\n");
      }
      case 7 -> {
        return text + pick(random, List.of("}", "\n{}", "\u0000", "\n---\nproposals: []\n", " ", "\n\n", "x",
            "// comment", "# comment", ",", "]"));
      }
      case 8 -> {
        return pick(random, List.of("x", "#!\n", "// c\n", "/* c */", "\n\n", "---\n", "%YAML 1.1\n---\n", "[",
            "\u0000")) + text;
      }
      case 9 -> {
        return text.replace("\n", "\r");
      }
      case 10 -> {
        // A character taken out: the document no longer balances.
        char c = pick(random, List.of('"', '{', '}', ',', ':', '[', ']'));
        int index = text.indexOf(c, at);
        return index < 0 ? text : text.substring(0, index) + text.substring(index + 1);
      }
      case 11 -> {
        return text.replace("  ", "\t");
      }
      default -> {
        return text + "\n---\n" + text;
      }
    }
  }

  private static String describeTextChange(String before, String after) {
    if (after.length() < before.length() && before.startsWith(after)) {
      return "text truncated at " + after.length() + " of " + before.length();
    }
    int prefix = 0;
    int limit = Math.min(before.length(), after.length());
    while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    return "text changed at " + prefix + " (" + before.length() + " -> " + after.length() + " chars)";
  }

  private static byte[] mutateBytes(SplittableRandom random, byte[] bytes, List<String> done) {
    byte[] changed = bytes.clone();
    if (changed.length == 0) {
      done.add("bytes: one 0xFF");
      return new byte[] {(byte) 0xFF};
    }
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(changed.length);
      changed[at] = random.nextBoolean() ? (byte) (changed[at] ^ (1 << random.nextInt(8)))
          : (byte) pick(random, List.of(0x00, 0x80, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF8, 0xFE, 0xFF, 0x0A, 0x22)).intValue();
    }
    done.add("bytes: " + flips + " changed");
    return changed;
  }

  // --- tree walking ---------------------------------------------------------------------------

  private static List<Slot> slots(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    walk(root, "", slots);
    return slots;
  }

  private static void walk(JsonNode node, String path, List<Slot> slots) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String at = path + "/" + field.getKey();
        slots.add(new Slot(node, field.getKey(), -1, at));
        walk(field.getValue(), at, slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = path + "/" + i;
        slots.add(new Slot(node, null, i, at));
        walk(node.get(i), at, slots);
      }
    }
  }

  private static List<ObjectNode> objects(JsonNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(root, objects);
    return objects;
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    node.forEach(child -> collectObjects(child, objects));
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\n", "\\n");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
  }

  private static <T> T pick(SplittableRandom random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** Small valid plans, for seeds that differ from the sample plans. */
  static final class SeedPlans {
    private static final List<String> LEADS = List.of("PEOPLE", "PLACES", "POLICY_AND_RESOURCES");
    private static final List<String> AREAS = List.of("LEISURE", "PUBLIC_HEALTH", "ADULT_SOCIAL_CARE", "PAYROLL",
        "YOUTH_PROVISION", "TRANSPORT", "FOSTER_CARE", "HOUSING_SUPPORT", "MENTAL_HEALTH", "ICT");
    private static final List<String> CHANGES = List.of("NEW", "RECOMMISSION", "EXTEND", "VARY", "REDUCE", "DECOMMISSION");
    private static final List<String> GROUPS = List.of("OLDER_PEOPLE", "GENERAL_PUBLIC", "CARERS", "COUNCIL_STAFF", "LGBT");

    private SeedPlans() {}

    static ObjectNode generate(SplittableRandom random) {
      ObjectNode root = NODES.objectNode().put("asOf", "2026-11-23");
      ArrayNode proposals = root.putArray("proposals");
      for (int i = random.nextInt(1, 5); i > 0; i--) {
        ObjectNode p = proposals.addObject()
            .put("id", "S-" + i)
            .put("title", "Seed proposal " + i)
            .put("leadDirectorate", pick(random, LEADS))
            .put("serviceArea", pick(random, AREAS))
            .put("changeType", pick(random, CHANGES))
            .put("annualValue", random.nextInt(1_000_000))
            .put("termMonths", 12 * random.nextInt(1, 6))
            .put("startDate", "2027-0" + random.nextInt(1, 10) + "-01");
        p.putArray("outcomes").add("OUTCOME_" + random.nextInt(3));
        p.putArray("clientGroups").add(pick(random, GROUPS));
        p.putArray("deliveryOptions").add("OUTSOURCE").add("IN_HOUSE");
        if ("REDUCE".equals(p.get("changeType").asText())) {
          p.put("reductionPercent", 10);
        }
        p.putObject("provider").put("name", "Provider " + random.nextInt(2)).put("sector", "VCS")
            .put("performance", random.nextBoolean() ? "GOOD" : "INADEQUATE").put("otherCouncilContracts", 1);
        p.putObject("staffing").put("postsDeleted", random.nextInt(3)).put("tupeTransfer", random.nextBoolean());
        p.putArray("fundingSources").addObject().put("source", "PUBLIC_HEALTH_GRANT").put("directorate", "PEOPLE")
            .put("annualAmount", 50_000);
        p.putObject("eia").put("assessorTrainingCurrent", true).putArray("completed").addObject()
            .put("kind", "SERVICE").put("level", "SCREENING").put("on", "2026-01-0" + random.nextInt(1, 10));
      }
      return root;
    }
  }
}

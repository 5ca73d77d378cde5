package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a JSON or YAML document into a tree, bounding every number before it is converted: a
 * number with too many digits, a power of ten beyond the limit either way, or a YAML {@code .nan}
 * or {@code .inf} becomes a {@link Fault} in the tree rather than a failure of the whole document,
 * so that the reader can report it against the field that holds it. A key given twice in one
 * object is refused with the place of the second.
 */
public final class BoundedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The longest number text shown in a message. */
  private static final int SHOWN = 40;

  private final JsonParser parser;
  private final int maxDigits;
  private final int maxScale;
  private final Map<JsonNode, JsonLocation> locations;

  private BoundedTree(JsonParser parser, int maxDigits, int maxScale, Map<JsonNode, JsonLocation> locations) {
    this.parser = parser;
    this.maxDigits = maxDigits;
    this.maxScale = maxScale;
    this.locations = locations;
  }

  /** What is wrong with a number the tree refused. */
  public enum FaultKind {
    /** More digits than the limit. */
    DIGITS,
    /** A power of ten beyond the limit, either way. */
    SCALE,
    /** A YAML {@code .nan}, {@code .inf} or {@code -.inf}. */
    NOT_FINITE,
    /** Text the parser took for a number that is not one. */
    UNREADABLE
  }

  /**
   * A number the tree holds in place of one it refused, inside a {@link POJONode}.
   *
   * @param text the number as written
   * @param kind what is wrong with it
   * @param count the digits it has, for {@link FaultKind#DIGITS}
   * @param limit the bound it exceeds
   */
  public record Fault(String text, FaultKind kind, long count, int limit) {

    /**
     * Says what is wrong, as a sentence about the value.
     *
     * @param subject what holds the number, such as {@code reductionPercent}
     * @return the sentence, ending in a full stop
     */
    public String sentence(String subject) {
      String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
      return switch (kind) {
        case DIGITS -> subject + " is a number of " + count + " digits, more than the " + limit
            + " a number may have (the numberDigits limit).";
        case SCALE -> subject + " is " + shown + ", a number whose power of ten is beyond " + limit
            + " either way, the most a number may have (the numberScale limit).";
        case NOT_FINITE -> subject + " is " + shown + ", which is not a finite number.";
        case UNREADABLE -> subject + " is " + shown + ", which is not a number that can be read.";
      };
    }
  }

  /** A key given twice in one object. */
  public static final class DuplicateKeyException extends JsonParseException {
    private static final long serialVersionUID = 1L;

    /** The key. */
    private final String key;
    /** The line of its first appearance, or 0. */
    private final int firstLine;

    DuplicateKeyException(JsonParser parser, String key, JsonLocation second, JsonLocation first) {
      super(parser, "Duplicate field '" + key + "'", second);
      this.key = key;
      this.firstLine = first == null ? 0 : Math.max(first.getLineNr(), 0);
    }

    /**
     * @return the key given twice
     */
    public String key() {
      return key;
    }

    /**
     * @return the line where the key was first given, or 0 when unknown
     */
    public int firstLine() {
      return firstLine;
    }
  }

  /**
   * Reads a whole document.
   *
   * @param parser a parser positioned before the document
   * @param maxDigits the most digits a number may have
   * @param maxScale the largest power of ten a number may have, either way
   * @return the tree; a missing node for an empty document
   * @throws IOException when the document does not parse, a key is given twice (a
   *     {@link DuplicateKeyException}) or there is more after it
   */
  public static JsonNode read(JsonParser parser, int maxDigits, int maxScale) throws IOException {
    try {
      return new BoundedTree(parser, maxDigits, maxScale, null).document();
    } catch (JsonProcessingException e) {
      throw YamlProblems.plain(e, parser);
    }
  }

  /**
   * Reads the value the parser stands on (its current token), and no more: one element of a long
   * list, read while the parser streams through the rest.
   *
   * @param parser a parser positioned on the value's first token
   * @param maxDigits the most digits a number may have
   * @param maxScale the largest power of ten a number may have, either way
   * @return the value's tree; the parser is left on its last token
   * @throws IOException when the value does not parse, or gives a key twice in one object (a
   *     {@link DuplicateKeyException})
   */
  public static JsonNode readValue(JsonParser parser, int maxDigits, int maxScale) throws IOException {
    try {
      return new BoundedTree(parser, maxDigits, maxScale, null).value();
    } catch (JsonProcessingException e) {
      throw YamlProblems.plain(e, parser);
    }
  }

  /**
   * Reads a whole document as {@link #read(JsonParser, int, int)} does, remembering where each
   * node starts. Every node is a distinct object, so that each has its own place.
   *
   * @param parser a parser positioned before the document
   * @param maxDigits the most digits a number may have
   * @param maxScale the largest power of ten a number may have, either way
   * @param locations where to put each node's place
   * @return the tree
   * @throws IOException as {@link #read(JsonParser, int, int)}
   */
  static JsonNode read(JsonParser parser, int maxDigits, int maxScale, Map<JsonNode, JsonLocation> locations)
      throws IOException {
    try {
      return new BoundedTree(parser, maxDigits, maxScale, locations).document();
    } catch (JsonProcessingException e) {
      throw YamlProblems.plain(e, parser);
    }
  }

  /**
   * @param node a node of a tree this class built
   * @return the fault it holds, or null when it is not a refused number
   */
  public static Fault fault(JsonNode node) {
    return node instanceof POJONode pojo && pojo.getPojo() instanceof Fault fault ? fault : null;
  }

  /**
   * A value as a message shows it: a refused number as written and a text in quotes, each cut at
   * 60 characters, a list or an object by its kind, anything else as JSON writes it.
   *
   * @param node the value
   * @param object how an object is called: "an object" in a plan, "a mapping" in a scenario
   * @return the value as shown
   */
  public static String shown(JsonNode node, String object) {
    Fault fault = fault(node);
    if (fault != null) {
      return fault.text().length() > 60 ? fault.text().substring(0, 60) + "..." : fault.text();
    }
    if (node.isTextual()) {
      String text = node.asText();
      return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }
    if (node.isContainerNode()) {
      return node.isArray() ? "a list" : object;
    }
    return node.toString();
  }

  private JsonNode document() throws IOException {
    if (parser.nextToken() == null) {
      return NODES.missingNode();
    }
    JsonNode root = value();
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser,
          "there is more after the end of the document (a second document or stray text)", parser.currentTokenLocation());
    }
    return root;
  }

  private JsonNode value() throws IOException {
    JsonLocation at = locations == null ? null : parser.currentTokenLocation();
    JsonNode node;
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (object.has(name)) {
            // Still at the second key: its place is the parser's.
            throw new DuplicateKeyException(parser, name, parser.currentTokenLocation(),
                locations == null ? null : locations.get(object.get(name)));
          }
          parser.nextToken();
          object.set(name, value());
        }
        node = object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value());
        }
        node = array;
      }
      case VALUE_STRING -> node = locations == null ? NODES.textNode(parser.getText()) : new TextNode(parser.getText());
      case VALUE_NUMBER_INT -> node = integer();
      case VALUE_NUMBER_FLOAT -> node = decimal();
      case VALUE_TRUE -> node = locations == null ? BooleanNode.TRUE : new LocatedBoolean(true);
      case VALUE_FALSE -> node = locations == null ? BooleanNode.FALSE : new LocatedBoolean(false);
      case VALUE_NULL -> node = NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> {
        Object embedded = parser.getEmbeddedObject();
        node = embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
      }
      default -> node = NODES.textNode(parser.getText());
    }
    if (locations != null) {
      locations.put(node, at);
    }
    return node;
  }

  private JsonNode integer() throws IOException {
    if (parser.getTextLength() > maxDigits) {
      // Longer text than the limit may still be within it: a sign, a YAML 0x prefix or underscores.
      String text = parser.getText();
      long digits = text.chars().filter(Character::isLetterOrDigit).count();
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.matches("[-+]?0[xob].*")) {
        digits -= 2;
      }
      if (digits > maxDigits) {
        return fault(new Fault(text, FaultKind.DIGITS, digits, maxDigits));
      }
    }
    JsonNode node;
    try {
      node = switch (parser.getNumberType()) {
        case INT -> locations == null ? NODES.numberNode(parser.getIntValue()) : new IntNode(parser.getIntValue());
        case LONG -> locations == null ? NODES.numberNode(parser.getLongValue()) : new LongNode(parser.getLongValue());
        default -> new BigIntegerNode(parser.getBigIntegerValue());
      };
    } catch (JsonParseException | NumberFormatException e) {
      return fault(new Fault(parser.getText(), FaultKind.UNREADABLE, 0, 0));
    }
    // A whole number's power of ten is one less than its digits; with a scale limit of 18 or more
    // no long goes beyond it, and a longer number has at most the digits the limit allows.
    if ((maxScale < 18 || node.isBigInteger()) && node.bigIntegerValue().abs().toString().length() - 1 > maxScale) {
      return fault(new Fault(parser.getText(), FaultKind.SCALE, 0, maxScale));
    }
    return node;
  }

  private JsonNode decimal() throws IOException {
    String text = parser.getText();
    Fault fault = check(text, maxDigits, maxScale);
    if (fault != null) {
      return fault(fault);
    }
    BigDecimal number = new BigDecimal(text.indexOf('_') >= 0 ? text.replace("_", "") : text);
    // As Jackson's own tree does, so that 25.0 reads, and prints, as 25.
    return number.signum() == 0 ? new DecimalNode(BigDecimal.ZERO) : new DecimalNode(number.stripTrailingZeros());
  }

  /**
   * Checks a decimal number as written, before anything converts it: the work of converting and
   * comparing grows with its power of ten, which {@code 1e-999999999} puts at a billion.
   *
   * @param text the number as written, JSON or YAML
   * @param maxDigits the most digits it may have
   * @param maxScale the largest power of ten it may have, either way
   * @return what is wrong with it, or null when it is within the bounds
   */
  static Fault check(String text, int maxDigits, int maxScale) {
    int i = 0;
    int length = text.length();
    if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    long digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else if (c != '_') {
        break;
      }
    }
    long exponent = 0;
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      boolean negative = false;
      if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        negative = text.charAt(i) == '-';
        i++;
      }
      int start = i;
      for (; i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
        // Saturates well above any bound, so that no exponent overflows.
        exponent = Math.min(exponent * 10 + (text.charAt(i) - '0'), 1_000_000_000_000L);
      }
      if (i == start) {
        i = -1;
      }
      exponent = negative ? -exponent : exponent;
    }
    if (i != length || digits == 0) {
      String lower = text.toLowerCase(Locale.ROOT);
      boolean notFinite = lower.contains("nan") || lower.contains("inf");
      return new Fault(text, notFinite ? FaultKind.NOT_FINITE : FaultKind.UNREADABLE, 0, 0);
    }
    if (digits > maxDigits) {
      return new Fault(text, FaultKind.DIGITS, digits, maxDigits);
    }
    // The digits move the power of ten by fewer places than there are of them.
    if (Math.abs(exponent) > (long) maxScale + maxDigits) {
      return new Fault(text, FaultKind.SCALE, 0, maxScale);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text.indexOf('_') >= 0 ? text.replace("_", "") : text);
    } catch (NumberFormatException e) {
      return new Fault(text, FaultKind.UNREADABLE, 0, 0);
    }
    long power = (long) number.precision() - number.scale() - 1;
    if (Math.abs(power) > maxScale) {
      return new Fault(text, FaultKind.SCALE, 0, maxScale);
    }
    return null;
  }

  /**
   * A number read from text outside a JSON or YAML document (a spreadsheet's cell), held to the same
   * bounds and made the same node a JSON parser's number would be: a whole number as an integer
   * node, any other as a decimal without trailing zeros; a number beyond the bounds as a fault.
   *
   * @param text the number, digits with an optional sign, point and exponent
   * @param maxDigits the most digits it may have
   * @param maxScale the largest power of ten it may have, either way
   * @return the node
   */
  public static JsonNode number(String text, int maxDigits, int maxScale) {
    Fault fault = check(text, maxDigits, maxScale);
    if (fault != null) {
      return new POJONode(fault);
    }
    BigDecimal number = new BigDecimal(text);
    boolean whole = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      whole &= c >= '0' && c <= '9' || i == 0 && (c == '-' || c == '+');
    }
    if (whole) {
      java.math.BigInteger integer = number.toBigIntegerExact();
      if (integer.bitLength() < 32) {
        return NODES.numberNode(integer.intValue());
      }
      return integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : new BigIntegerNode(integer);
    }
    return number.signum() == 0 ? new DecimalNode(BigDecimal.ZERO) : new DecimalNode(number.stripTrailingZeros());
  }

  private JsonNode fault(Fault fault) {
    return new POJONode(fault);
  }

  /** A boolean node of its own, so that each true or false in a located tree keeps its place. */
  private static final class LocatedBoolean extends BooleanNode {
    private static final long serialVersionUID = 1L;

    LocatedBoolean(boolean value) {
      super(value);
    }
  }
}

package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON or YAML document as a tree, remembering where each node starts so that a problem found
 * in it can be reported with its line and column.
 */
final class LocatedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<JsonNode, JsonLocation> locations;

  private LocatedTree(JsonNode root, Map<JsonNode, JsonLocation> locations) {
    this.root = root;
    this.locations = locations;
  }

  /**
   * Reads a whole document.
   *
   * @param parser a parser positioned before the document
   * @return the tree, or a tree with a missing root for an empty document
   * @throws IOException when the document does not parse
   */
  static LocatedTree read(JsonParser parser) throws IOException {
    Map<JsonNode, JsonLocation> locations = new IdentityHashMap<>();
    JsonToken first = parser.nextToken();
    JsonNode root = first == null ? NODES.missingNode() : value(parser, locations);
    return new LocatedTree(root, locations);
  }

  private static JsonNode value(JsonParser parser, Map<JsonNode, JsonLocation> locations) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    JsonNode node;
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser, locations));
        }
        node = object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, locations));
        }
        node = array;
      }
      case VALUE_STRING -> node = NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> node = NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> node = NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> node = NODES.booleanNode(true);
      case VALUE_FALSE -> node = NODES.booleanNode(false);
      case VALUE_NULL -> node = NODES.nullNode();
      default -> node = NODES.textNode(parser.getText());
    }
    locations.put(node, at);
    return node;
  }

  JsonNode root() {
    return root;
  }

  int line(JsonNode node) {
    JsonLocation at = locations.get(node);
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  int column(JsonNode node) {
    JsonLocation at = locations.get(node);
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }
}

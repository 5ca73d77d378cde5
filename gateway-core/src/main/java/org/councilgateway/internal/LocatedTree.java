package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON or YAML document as a tree, remembering where each node starts so that a problem found
 * in it can be reported with its line and column. Numbers are bounded as {@link BoundedTree} bounds
 * them, and a key given twice in one mapping is refused.
 */
public final class LocatedTree {
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
   * @param maxDigits the most digits a number may have
   * @param maxScale the largest power of ten a number may have, either way
   * @return the tree, or a tree with a missing root for an empty document
   * @throws IOException when the document does not parse, or gives a key twice in one mapping
   *     (a {@link BoundedTree.DuplicateKeyException})
   */
  public static LocatedTree read(JsonParser parser, int maxDigits, int maxScale) throws IOException {
    Map<JsonNode, JsonLocation> locations = new IdentityHashMap<>();
    JsonNode root = BoundedTree.read(parser, maxDigits, maxScale, locations);
    return new LocatedTree(root, locations);
  }

  /**
   * @return the document's root
   */
  public JsonNode root() {
    return root;
  }

  /**
   * @param node a node of this tree
   * @return the line where it starts, from 1, or 0 when unknown
   */
  public int line(JsonNode node) {
    JsonLocation at = node == null ? null : locations.get(node);
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  /**
   * @param node a node of this tree
   * @return the column where it starts, from 1, or 0 when unknown
   */
  public int column(JsonNode node) {
    JsonLocation at = node == null ? null : locations.get(node);
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }
}

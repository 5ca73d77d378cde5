package org.councilgateway.internal.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Problem;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.ReadLimits;
import org.councilgateway.internal.YamlProblems;

/**
 * Turns a document's text into a bounded tree, choosing JSON or YAML, and turns what Jackson and
 * SnakeYAML say of a broken document into one sentence for the user. It is kept apart from the
 * plan's structure because that is also read from trees built elsewhere (a scenario's plan), and
 * because everything here depends on the parsers' behaviour and wording, not on the format.
 */
final class DocumentReader {
  private final JsonFactory json;
  private final YAMLFactory yaml;
  private final int maxDigits;
  private final int maxScale;

  /** @param limits the limits the parsers keep and the tree's numbers are held to */
  DocumentReader(ReadLimits limits) {
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
   * @param yaml true for YAML, false for JSON, null to choose by the name and the first character
   * @return the tree
   * @throws InvalidPlanException when the document is neither JSON nor YAML
   */
  JsonNode tree(String content, String name, Boolean yaml) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean isYaml = yaml != null ? yaml : lower.endsWith(".yaml") || lower.endsWith(".yml")
        || !lower.endsWith(".json") && !content.stripLeading().startsWith("{") && !content.stripLeading().startsWith("[");
    try {
      if (isYaml) {
        rejectAliases(content, name);
      }
      try (JsonParser parser = (isYaml ? this.yaml : json).createParser(content)) {
        return BoundedTree.read(parser, maxDigits, maxScale);
      }
    } catch (JsonProcessingException e) {
      // A YAML slip is worded and placed by YamlProblems; other parsers' messages are cut to their gist.
      JsonProcessingException plain = YamlProblems.plain(e, null);
      JsonLocation at = plain.getLocation();
      throw unusable(new Problem(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not valid " + (isYaml ? "YAML" : "JSON") + ": " + (plain instanceof YamlProblems.PlainYamlException
              ? plain.getOriginalMessage() : firstLine(plain.getOriginalMessage()))));
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
          throw unusable(new Problem(name, at.getLineNr(), at.getColumnNr(), "uses the YAML alias *" + parser.getText()
              + ", which plans may not use: write the value out in full."));
        }
      }
    } catch (IOException e) {
      if (e instanceof JsonProcessingException processing) {
        throw processing;
      }
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The gist of a parser's message, without the parts that name Jackson's classes and settings. */
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

  /** The error for a document nothing can be read from, as a whole rather than proposal by proposal. */
  static InvalidPlanException unusable(String name, String message) {
    return unusable(new Problem(name, 0, 0, message));
  }

  private static InvalidPlanException unusable(Problem problem) {
    return new InvalidPlanException(problem.toString(), List.of(problem));
  }
}

package org.councilgateway.internal.ocds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.LocatedTree;
import org.councilgateway.internal.ReadLimits;

/**
 * The mapping file ({@code ocds-mapping.yaml}): policy data saying how a notice's words and CPV
 * codes become a service area and client groups, and who leads what has no owner.
 *
 * @param defaultLeadDirectorate the lead directorate of a proposal whose service area has no owner, or null
 * @param keywords phrase to service area, in order
 * @param cpv CPV code prefix to service area
 * @param clientGroups phrase to client group, in order
 * @param named every code the file names, at its place, for {@link #check}
 */
public record Mapping(String defaultLeadDirectorate, List<Rule> keywords, List<Cpv> cpv, List<Rule> clientGroups,
    List<Named> named) {

  /** The keys a mapping file has. */
  private static final Set<String> KEYS = Set.of("defaultLeadDirectorate", "keywords", "cpv", "clientGroups");

  /**
   * A phrase and the code it maps to.
   *
   * @param phrase the phrase
   * @param code the service area or client group
   */
  public record Rule(Phrase phrase, String code) {}

  /**
   * A CPV prefix and the service area it maps to.
   *
   * @param prefix the prefix, digits
   * @param serviceArea the service area
   */
  public record Cpv(String prefix, String serviceArea) {}

  /**
   * A code the file names, where it names it.
   *
   * @param kind what the code must be: a service area, a client group or a directorate
   * @param code the code
   * @param line its line
   * @param column its column
   */
  public record Named(String kind, String code, int line, int column) {}

  /**
   * The service area of a CPV code, by the longest prefix that begins it.
   *
   * @param code the code's digits
   * @return the prefix's entry, or null when no prefix begins it
   */
  Cpv cpvFor(String code) {
    Cpv best = null;
    for (Cpv entry : cpv) {
      if (code.startsWith(entry.prefix()) && (best == null || entry.prefix().length() > best.prefix().length())) {
        best = entry;
      }
    }
    return best;
  }

  /**
   * Reads a mapping file.
   *
   * @param file the file as messages name it
   * @param content its text
   * @param limits the limits: a rule file's size, and the numbers of a plan
   * @return the mapping, or null, and every problem found, each with its line and column
   */
  public static Read read(String file, String content, Limits limits) {
    List<Problem> problems = new ArrayList<>();
    if (content.length() > limits.ruleFileBytes()) {
      problems.add(new Problem(file, 0, 0, "is larger than " + String.format(Locale.ROOT, "%,d", limits.ruleFileBytes())
          + " bytes, the most a mapping file may be."));
      return new Read(null, problems);
    }
    LocatedTree tree;
    try (JsonParser parser = ReadLimits.forRuleFiles(limits).yamlFactory().createParser(content)) {
      tree = LocatedTree.read(parser, limits.numberDigits(), limits.numberScale());
    } catch (BoundedTree.DuplicateKeyException e) {
      var at = e.getLocation();
      problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "The key \"" + e.key() + "\" is given twice in one mapping: give each key once, as the later would "
              + "silently replace the earlier."));
      return new Read(null, problems);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
      problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not valid YAML: " + (message.length() > 200 ? message.substring(0, 200) + "..." : message)));
      return new Read(null, problems);
    } catch (IOException e) {
      problems.add(new Problem(file, 0, 0, "cannot be read: " + e.getMessage()));
      return new Read(null, problems);
    }
    JsonNode root = tree.root();
    if (root.isMissingNode() || root.isNull()) {
      problems.add(new Problem(file, 0, 0, "is empty: a mapping file is a mapping with the keys " + keys() + "."));
      return new Read(null, problems);
    }
    if (!root.isObject()) {
      problems.add(at(file, tree, root, "A mapping file must be a mapping with the keys " + keys() + "."));
      return new Read(null, problems);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        problems.add(at(file, tree, root.get(name), "Unknown key \"" + name + "\": a mapping file has the keys "
            + keys() + "."));
      }
    }
    List<Named> named = new ArrayList<>();
    String lead = null;
    JsonNode leadNode = root.get("defaultLeadDirectorate");
    if (leadNode != null && !leadNode.isNull()) {
      if (leadNode.isTextual() && !leadNode.asText().isBlank()) {
        lead = leadNode.asText().strip();
        named.add(new Named("directorate", lead, tree.line(leadNode), tree.column(leadNode)));
      } else {
        problems.add(at(file, tree, leadNode, "defaultLeadDirectorate must be a directorate code."));
      }
    }
    List<Rule> keywords = phrases(file, tree, root, "keywords", "service area", named, problems);
    List<Rule> groups = phrases(file, tree, root, "clientGroups", "client group", named, problems);
    List<Cpv> cpv = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : table(file, tree, root, "cpv", problems)) {
      String prefix = entry.getKey().strip();
      JsonNode value = entry.getValue();
      if (!prefix.matches("[0-9]{1,8}")) {
        problems.add(at(file, tree, value, "The CPV prefix \"" + prefix + "\" must be 1 to 8 digits (a CPV code "
            + "without its check digit, or the start of one)."));
      } else if (code(file, tree, value, "cpv", prefix, "service area", problems) != null) {
        cpv.add(new Cpv(prefix, value.asText().strip()));
        named.add(new Named("service area", value.asText().strip(), tree.line(value), tree.column(value)));
      }
    }
    if (!problems.isEmpty()) {
      return new Read(null, problems);
    }
    return new Read(new Mapping(lead, keywords, cpv, groups, named), problems);
  }

  private static List<Rule> phrases(String file, LocatedTree tree, JsonNode root, String key, String kind,
      List<Named> named, List<Problem> problems) {
    List<Rule> rules = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : table(file, tree, root, key, problems)) {
      JsonNode value = entry.getValue();
      Phrase phrase = Phrase.of(entry.getKey());
      if (phrase == null) {
        problems.add(at(file, tree, value, "An empty phrase in " + key + " matches nothing: give words."));
        continue;
      }
      String code = code(file, tree, value, key, entry.getKey(), kind, problems);
      if (code != null) {
        rules.add(new Rule(phrase, code));
        named.add(new Named(kind, code, tree.line(value), tree.column(value)));
      }
    }
    return rules;
  }

  /** The entries of a table (a YAML mapping), in order; an absent table is empty, anything but a mapping a problem. */
  private static List<Map.Entry<String, JsonNode>> table(String file, LocatedTree tree, JsonNode root, String key,
      List<Problem> problems) {
    JsonNode table = root.get(key);
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (table == null || table.isNull()) {
      return entries;
    }
    if (!table.isObject()) {
      problems.add(at(file, tree, table, key + " must be a mapping of " + (key.equals("cpv") ? "CPV prefix" : "phrase")
          + " to code, one a line (\"phrase\": CODE)."));
      return entries;
    }
    table.fields().forEachRemaining(entries::add);
    return entries;
  }

  private static String code(String file, LocatedTree tree, JsonNode value, String key, String entry, String kind,
      List<Problem> problems) {
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(at(file, tree, value, "The " + key + " entry \"" + entry + "\" must map to a " + kind + " code, but "
          + "maps to " + (value == null ? "nothing" : BoundedTree.shown(value, "a mapping")) + "."));
      return null;
    }
    return value.asText().strip();
  }

  private static Problem at(String file, LocatedTree tree, JsonNode node, String message) {
    return new Problem(file, tree.line(node), tree.column(node), message);
  }

  private static String keys() {
    return "defaultLeadDirectorate, keywords, cpv and clientGroups";
  }

  /**
   * Checks that every code the mapping names is in the reference data: each service area and
   * client group, and the default lead directorate.
   *
   * @param file the file as messages name it
   * @param data the reference data
   * @return a problem for each code the reference data lacks, in file order
   */
  public List<Problem> check(String file, ReferenceData data) {
    List<Problem> problems = new ArrayList<>();
    for (Named code : named) {
      boolean known = switch (code.kind()) {
        case "service area" -> data.serviceArea(code.code()).isPresent();
        case "client group" -> data.isClientGroup(code.code());
        default -> data.isDirectorate(code.code());
      };
      if (!known) {
        problems.add(new Problem(file, code.line(), code.column(), "The " + code.kind() + " " + code.code()
            + " is not in the reference data" + ("directorate".equals(code.kind()) ? "'s directorates." : "."
            + " Add it there, or map to one that is.")));
      }
    }
    return problems;
  }

  /**
   * What reading a mapping file found.
   *
   * @param mapping the mapping, or null when it has problems
   * @param problems every problem, each with its place
   */
  public record Read(Mapping mapping, List<Problem> problems) {}
}

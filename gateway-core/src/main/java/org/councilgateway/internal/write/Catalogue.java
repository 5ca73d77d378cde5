package org.councilgateway.internal.write;

import org.councilgateway.RuleInfo;
import org.councilgateway.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.InHouseCapability;
import org.councilgateway.facts.Interdependency;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.SafeguardingSensitive;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.facts.Settings;

/**
 * Writes a rule set's catalogue for publication: every rule with its metadata, grouped by concern,
 * and the reference data in tables. Markdown and HTML carry the same content. {@link
 * org.councilgateway.Reports} is its API.
 */
public final class Catalogue {
  private Catalogue() {}

  /** A heading, then a paragraph or a table. */
  private record Section(int level, String title, String text, List<String> header, List<List<String>> rows) {}

  /**
   * Writes the catalogue as Markdown.
   *
   * @param rules the rule set
   * @return the Markdown text
   */
  public static String markdown(RuleSet rules) {
    StringBuilder out = new StringBuilder();
    for (Section section : sections(rules)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("#".repeat(section.level())).append(' ').append(org.councilgateway.internal.Text.escape(section.title()))
          .append("\n\n");
      if (section.text() != null) {
        out.append(org.councilgateway.internal.Text.escape(section.text())).append('\n');
      }
      if (section.header() != null) {
        out.append(row(section.header())).append("|---".repeat(section.header().size())).append("|\n");
        section.rows().forEach(r -> out.append(row(r)));
      }
    }
    return out.toString();
  }

  /**
   * Writes the catalogue as a standalone HTML page for the council's site.
   *
   * @param rules the rule set
   * @return the HTML text
   */
  public static String html(RuleSet rules) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Programme gateway rule catalogue</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}</style>\n")
        .append("</head>\n<body>\n");
    for (Section section : sections(rules)) {
      out.append("<h").append(section.level()).append('>').append(escape(section.title()))
          .append("</h").append(section.level()).append(">\n");
      if (section.text() != null) {
        out.append("<p>").append(escape(section.text())).append("</p>\n");
      }
      if (section.header() != null) {
        out.append("<table>\n<tr>")
            .append(section.header().stream().map(c -> "<th>" + escape(c) + "</th>").collect(Collectors.joining()))
            .append("</tr>\n");
        for (List<String> r : section.rows()) {
          out.append("<tr>").append(r.stream().map(c -> "<td>" + escape(c) + "</td>").collect(Collectors.joining()))
              .append("</tr>\n");
        }
        out.append("</table>\n");
      }
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static List<Section> sections(RuleSet rules) {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section(1, "Programme gateway rule catalogue",
        "Rule set version " + rules.version() + ", " + rules.rules().size() + " rules.", null, null));
    for (Map.Entry<String, List<RuleInfo>> concern : byConcern(rules).entrySet()) {
      sections.add(new Section(2, title(concern.getKey()), null, List.of("id", "rule", "records", "description", "source"),
          concern.getValue().stream()
              .map(r -> List.of(r.id(), r.name(), String.join(", ", r.codes()), r.description(), r.source())).toList()));
    }
    ReferenceData data = rules.referenceData();
    sections.add(new Section(2, "Reference data", "Edited by policy officers in reference-data.yaml beside the rules.", null, null));
    sections.add(new Section(3, "Directorates",
        data.directorates().stream().map(Directorate::code).collect(Collectors.joining(", ")), null, null));
    sections.add(new Section(3, "Service areas", null, List.of("service area", "owner", "scope"),
        data.serviceAreas().stream().map((ServiceArea a) -> List.of(a.code(), a.owner(), a.scope().name())).toList()));
    sections.add(new Section(3, "Service interdependencies", null, List.of("from", "to", "source"),
        data.interdependencies().stream().map((Interdependency l) -> List.of(l.from(), l.to(), l.source())).toList()));
    sections.add(new Section(3, "Client groups and the protected characteristics they engage", null,
        List.of("client group", "characteristics"),
        data.clientGroups().stream().map((ClientGroup g) -> List.of(g.code(),
            g.characteristics().isEmpty() ? "none directly" : String.join(", ", g.characteristics()))).toList()));
    sections.add(new Section(3, "Partner commissioners",
        data.partnerCommissioners().stream().map(PartnerCommissioner::code).collect(Collectors.joining(", ")), null, null));
    sections.add(new Section(3, "Services with in-house capability",
        data.inHouseCapability().stream().map(InHouseCapability::serviceArea).collect(Collectors.joining(", ")), null, null));
    sections.add(new Section(3, "Safeguarding-sensitive services",
        data.safeguardingSensitive().stream().map(SafeguardingSensitive::serviceArea).collect(Collectors.joining(", ")), null, null));
    Settings s = data.settings();
    sections.add(new Section(3, "Settings (local policy)", null, List.of("setting", "value"), List.of(
        List.of("key-decision annual value (more than this)", Long.toString(s.keyDecisionValue())),
        List.of("key-decision wards (at least)", Integer.toString(s.keyDecisionWards())),
        List.of("EIA validity, months", Integer.toString(s.eiaValidityMonths())),
        List.of("overlap window, months", Integer.toString(s.overlapWindowMonths())),
        List.of("blanket reduction, proposals", Integer.toString(s.blanketReductionCount())),
        List.of("cumulative provider impact, proposals", Integer.toString(s.cumulativeProviderCount())))));
    return sections;
  }

  private static Map<String, List<RuleInfo>> byConcern(RuleSet rules) {
    Map<String, List<RuleInfo>> groups = new LinkedHashMap<>();
    for (String concern : List.of("scope", "impacts", "eia", "challenge", "portfolio")) {
      List<RuleInfo> inConcern = rules.rules().stream().filter(r -> r.concern().equals(concern)).toList();
      if (!inConcern.isEmpty()) {
        groups.put(concern, inConcern);
      }
    }
    rules.rules().stream().filter(r -> !groups.containsKey(r.concern()))
        .collect(Collectors.groupingBy(RuleInfo::concern, TreeMap::new, Collectors.toList()))
        .forEach(groups::put);
    return groups;
  }

  private static String title(String concern) {
    return switch (concern) {
      case "scope" -> "Scope: single-directorate or council-wide";
      case "impacts" -> "Cross-cutting impacts";
      case "eia" -> "Equality impact assessment";
      case "challenge" -> "Gateway challenge";
      case "portfolio" -> "Across the forward plan";
      case "gate" -> "Readiness at the gate";
      default -> "Rules in " + concern;
    };
  }

  private static String row(List<String> cells) {
    // A cell is one line of a table, and no value may move a terminal's cursor when it is printed.
    return "| " + cells.stream().map(c -> org.councilgateway.internal.Text.escape(c.replace("|", "\\|").replace("\n", " ")))
        .collect(Collectors.joining(" | ")) + " |\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

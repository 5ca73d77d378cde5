package org.councilgateway.internal.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.GateRequirement;
import org.councilgateway.facts.InHouseCapability;
import org.councilgateway.facts.Interdependency;
import org.councilgateway.facts.JointWorkplan;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.SafeguardingSensitive;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.facts.Settings;
import org.councilgateway.internal.Text;
import java.util.function.Function;
import org.councilgateway.RuleSet;
import org.councilgateway.internal.RuleDetail;
import org.councilgateway.model.GateStage;

/**
 * Writes a rule set's catalogue for publication: every rule that decides something with its
 * metadata and the finding codes it records, grouped by concern; the reference data in tables;
 * and, in an appendix, the helper rules, which only prepare facts for the others. Markdown and HTML
 * carry the same content. {@link org.councilgateway.Reports} is its API.
 */
public final class Catalogue {
  private Catalogue() {}

  /** The columns of a table of rules. */
  static final List<String> RULE_COLUMNS = List.of("id", "rule", "finding codes", "description", "source");

  /**
   * A heading, then a paragraph, a table or a list (any of them may be null).
   *
   * @param level the heading's level, 1 to 3
   * @param title the heading
   * @param text a paragraph, or null
   * @param header a table's header, or null for no table
   * @param rows the table's rows
   * @param items a bulleted list, or null
   */
  record Section(int level, String title, String text, List<String> header, List<List<String>> rows,
      List<String> items) {
    Section(int level, String title, String text, List<String> header, List<List<String>> rows) {
      this(level, title, text, header, rows, null);
    }
  }

  /**
   * Writes the catalogue as Markdown.
   *
   * @param rules the rule set
   * @param details each of its rules' detail, by id: which are helpers
   * @return the Markdown text
   */
  public static String markdown(RuleSet rules, Function<String, RuleDetail> details) {
    return markdown(sections(rules, details));
  }

  /**
   * Writes the catalogue as a standalone HTML page for the council's site.
   *
   * @param rules the rule set
   * @param details each of its rules' detail, by id: which are helpers
   * @return the HTML text
   */
  public static String html(RuleSet rules, Function<String, RuleDetail> details) {
    return html("Programme gateway rule catalogue", sections(rules, details));
  }

  /** Renders sections as Markdown. */
  static String markdown(List<Section> sections) {
    StringBuilder out = new StringBuilder();
    for (Section section : sections) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("#".repeat(section.level())).append(' ').append(Text.escape(section.title())).append("\n\n");
      if (section.text() != null) {
        out.append(Text.escape(section.text())).append('\n');
        if (section.header() != null || section.items() != null) {
          out.append('\n');
        }
      }
      if (section.header() != null) {
        out.append(row(section.header())).append("|---".repeat(section.header().size())).append("|\n");
        section.rows().forEach(r -> out.append(row(r)));
      }
      if (section.items() != null) {
        section.items().forEach(item -> out.append("- ").append(Text.escape(item)).append('\n'));
      }
    }
    return out.toString();
  }

  /** Renders sections as a standalone HTML page. */
  static String html(String title, List<Section> sections) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(escape(title)).append("</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}</style>\n")
        .append("</head>\n<body>\n");
    for (Section section : sections) {
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
      if (section.items() != null) {
        out.append("<ul>\n");
        section.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
        out.append("</ul>\n");
      }
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static List<Section> sections(RuleSet rules, Function<String, RuleDetail> details) {
    List<Section> sections = new ArrayList<>();
    List<RuleInfo> deciding = rules.rules().stream().filter(r -> !details.apply(r.id()).helper()).toList();
    List<RuleInfo> helpers = rules.rules().stream().filter(r -> details.apply(r.id()).helper()).toList();
    sections.add(new Section(1, "Programme gateway rule catalogue",
        "Rule set version " + rules.version() + ", " + count(rules.rules().size(), "rule")
            + (helpers.isEmpty() ? "." : " (" + number(helpers.size()) + " of them helper rules, listed in the appendix)."),
        null, null));
    for (Map.Entry<String, List<RuleInfo>> concern : byConcern(deciding).entrySet()) {
      sections.add(new Section(2, title(concern.getKey()), null, RULE_COLUMNS,
          concern.getValue().stream().map(Catalogue::ruleRow).toList()));
    }
    ReferenceData data = rules.referenceData();
    sections.add(new Section(2, "Reference data", "Edited by policy officers in reference-data.yaml beside the rules.", null, null));
    sections.add(new Section(3, "Directorates",
        data.directorates().stream().map(Directorate::code).collect(Collectors.joining(", ")), null, null));
    sections.add(new Section(3, "Service areas", null, List.of("service area", "owner", "scope"),
        data.serviceAreas().stream().map((ServiceArea a) -> List.of(a.code(), a.owner(), a.scope().name())).toList()));
    sections.add(new Section(3, "Service interdependencies", null, List.of("from", "to", "source"),
        data.interdependencies().stream().map((Interdependency l) -> List.of(l.from(), l.to(), l.source())).toList()));
    sections.add(new Section(3, "Protected characteristics", String.join(", ", data.protectedCharacteristics()), null, null));
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
    sections.add(new Section(3, "Settings (local policy)", null, List.of("setting", "value"),
        settings(data.settings()).stream().map(s -> List.of(s.label(), s.value())).toList()));
    Map<String, String> workplans = jointWorkplans(data);
    if (!workplans.isEmpty()) {
      sections.add(new Section(3, "Joint workplans with partner commissioners", null, List.of("partner", "service areas"),
          workplans.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList()));
    }
    if (!data.localFields().isEmpty()) {
      sections.add(new Section(3, "The council's own proposal fields (localFields)", null,
          List.of("field", "type", "meaning"), data.localFields().stream()
              .map(f -> List.of("local." + f.name(), localType(f), f.description())).toList()));
    }
    sections.add(new Section(3, "Gate stages", "A proposal at or past a stage must no longer raise any code that stage "
        + "or a stage before it requires.", List.of("stage", "requires, beyond the stages before"),
        gateStages(data).entrySet().stream().map(e -> List.of(e.getKey(), e.getValue().isEmpty() ? "nothing more" : e.getValue()))
            .toList()));
    if (!helpers.isEmpty()) {
      sections.add(new Section(2, "Appendix: helper rules",
          "These rules prepare facts for other rules and decide nothing on their own: they record no finding.",
          List.of("id", "rule", "description", "source"),
          helpers.stream().map(r -> List.of(r.id(), r.name(), r.description(), r.source())).toList()));
    }
    return sections;
  }

  /** A rule as a row of {@link #RULE_COLUMNS}. */
  static List<String> ruleRow(RuleInfo rule) {
    return List.of(rule.id(), rule.name(), String.join(", ", rule.codes()), rule.description(), rule.source());
  }

  /**
   * One of the settings.
   *
   * @param key its name in reference-data.yaml
   * @param label what the catalogue calls it
   * @param value its value, numbers with thousands separators
   */
  record Setting(String key, String label, String value) {}

  /** The settings, in the order reference-data.yaml lists them. */
  static List<Setting> settings(Settings s) {
    List<Setting> settings = new ArrayList<>(List.of(
        new Setting("keyDecisionValue", "key-decision annual value (more than this)", number(s.keyDecisionValue())),
        new Setting("keyDecisionWards", "key-decision wards (at least)", number(s.keyDecisionWards())),
        new Setting("eiaValidityMonths", "EIA validity, months", number(s.eiaValidityMonths())),
        new Setting("overlapWindowMonths", "overlap window, months", number(s.overlapWindowMonths())),
        new Setting("blanketReductionCount", "blanket reduction, proposals", number(s.blanketReductionCount())),
        new Setting("cumulativeProviderCount", "cumulative provider impact, proposals", number(s.cumulativeProviderCount())),
        new Setting("serviceReviewValidityMonths", "service review validity, months",
            number(s.serviceReviewValidityMonths()))));
    settings.add(new Setting("councilName", "council name (for reports; decides nothing)",
        s.councilName() == null ? "not set" : s.councilName()));
    s.local().values().forEach((name, value) -> settings.add(new Setting(name, name + " (local)", localValue(value))));
    return settings;
  }

  /** A local setting's value as the catalogue shows it: a number with separators, codes joined. */
  static String localValue(Object value) {
    if (value instanceof Long number) {
      return number(number);
    }
    return value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
        : String.valueOf(value);
  }

  /** A local field's or setting's type, with the codes it may hold. */
  static String localType(org.councilgateway.facts.LocalField field) {
    return field.type().label() + (field.values().isEmpty() ? "" : ": " + String.join(", ", field.values()));
  }

  /** Each partner's joint workplan: its service areas, in the order the reference data lists them. */
  static Map<String, String> jointWorkplans(ReferenceData data) {
    Map<String, List<String>> byPartner = new LinkedHashMap<>();
    for (JointWorkplan plan : data.jointWorkplans()) {
      byPartner.computeIfAbsent(plan.partner(), p -> new ArrayList<>()).add(plan.serviceArea());
    }
    Map<String, String> joined = new LinkedHashMap<>();
    byPartner.forEach((partner, areas) -> joined.put(partner, String.join(", ", areas)));
    return joined;
  }

  /**
   * Each gate stage, in the cycle's order, with the codes it requires answered beyond those of the
   * stages before it, as reference-data.yaml lists them (empty for none).
   */
  static Map<String, String> gateStages(ReferenceData data) {
    Map<String, String> stages = new LinkedHashMap<>();
    java.util.Set<String> before = new java.util.HashSet<>();
    for (GateStage stage : GateStage.values()) {
      List<String> requires = data.gateRequirements().stream().filter(r -> r.stage() == stage)
          .map(GateRequirement::code).filter(code -> !before.contains(code)).distinct().toList();
      before.addAll(requires);
      stages.put(stage.name(), String.join(", ", requires));
    }
    return stages;
  }

  /**
   * A whole number with commas between thousands, whatever the default locale: 350,000.
   *
   * @param n the number
   * @return the number as text
   */
  static String number(long n) {
    return PackView.count(n);
  }

  /** A count and a noun, plural unless the count is one: "1 rule", "1,024 rules". */
  static String count(long n, String noun) {
    return number(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static Map<String, List<RuleInfo>> byConcern(List<RuleInfo> rules) {
    Map<String, List<RuleInfo>> groups = new LinkedHashMap<>();
    for (String concern : List.of("scope", "impacts", "eia", "challenge", "portfolio")) {
      List<RuleInfo> inConcern = rules.stream().filter(r -> r.concern().equals(concern)).toList();
      if (!inConcern.isEmpty()) {
        groups.put(concern, inConcern);
      }
    }
    rules.stream().filter(r -> !groups.containsKey(r.concern()))
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
    return "| " + cells.stream().map(c -> Text.escape(c.replace("|", "\\|").replace("\n", " ")))
        .collect(Collectors.joining(" | ")) + " |\n";
  }

  /** A text as HTML element text or a quoted attribute: control characters made visible as the Markdown does, then markup escaped. */
  private static String escape(String text) {
    return Text.escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

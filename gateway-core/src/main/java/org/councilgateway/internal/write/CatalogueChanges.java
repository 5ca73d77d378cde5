package org.councilgateway.internal.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.InHouseCapability;
import org.councilgateway.facts.Interdependency;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.SafeguardingSensitive;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.RuleSet;
import org.councilgateway.internal.RuleDetail;
import org.councilgateway.internal.write.Catalogue.Section;

/**
 * Writes what a proposed rule set adds, removes and changes against the live one, for a committee
 * to approve: the rules added and removed (by {@code @id}), what changed in each rule both hold
 * (its name, description, source, finding codes, file, attributes, conditions or actions; spacing
 * aside), and each entry of the reference data added, removed or changed. Markdown and HTML carry
 * the same content. {@link org.councilgateway.Reports} is its API.
 */
public final class CatalogueChanges {
  private static final String TITLE = "Changes to the rule catalogue";

  private CatalogueChanges() {}

  /**
   * Writes the changes as Markdown.
   *
   * @param live the rule set in use
   * @param liveDetails each of its rules' detail, by id
   * @param proposed the rule set proposed to replace it
   * @param proposedDetails each of its rules' detail, by id
   * @return the Markdown text
   */
  public static String markdown(RuleSet live, Function<String, RuleDetail> liveDetails, RuleSet proposed,
      Function<String, RuleDetail> proposedDetails) {
    return Catalogue.markdown(sections(live, liveDetails, proposed, proposedDetails));
  }

  /**
   * Writes the changes as a standalone HTML page.
   *
   * @param live the rule set in use
   * @param liveDetails each of its rules' detail, by id
   * @param proposed the rule set proposed to replace it
   * @param proposedDetails each of its rules' detail, by id
   * @return the HTML text
   */
  public static String html(RuleSet live, Function<String, RuleDetail> liveDetails, RuleSet proposed,
      Function<String, RuleDetail> proposedDetails) {
    return Catalogue.html(TITLE, sections(live, liveDetails, proposed, proposedDetails));
  }

  private static List<Section> sections(RuleSet live, Function<String, RuleDetail> liveDetails, RuleSet proposed,
      Function<String, RuleDetail> proposedDetails) {
    Map<String, RuleInfo> before = byId(live.rules());
    Map<String, RuleInfo> after = byId(proposed.rules());
    List<List<String>> added = proposed.rules().stream().filter(r -> !before.containsKey(r.id()))
        .map(Catalogue::ruleRow).toList();
    List<List<String>> removed = live.rules().stream().filter(r -> !after.containsKey(r.id()))
        .map(Catalogue::ruleRow).toList();
    List<String> changed = new ArrayList<>();
    for (RuleInfo rule : proposed.rules()) {
      RuleInfo was = before.get(rule.id());
      if (was != null) {
        changed.addAll(ruleChanges(was, liveDetails.apply(was.id()), rule, proposedDetails.apply(rule.id())));
      }
    }
    List<String> data = referenceDataChanges(live.referenceData(), proposed.referenceData());

    List<Section> sections = new ArrayList<>();
    if (added.isEmpty() && removed.isEmpty() && changed.isEmpty() && data.isEmpty()) {
      sections.add(new Section(1, TITLE, "Nothing has changed: the proposed rules (version " + proposed.version()
          + ") have the same rules and reference data as the live rules (version " + live.version() + ").", null, null));
      return sections;
    }
    sections.add(new Section(1, TITLE, "The proposed rules (version " + proposed.version() + ", "
        + Catalogue.count(proposed.rules().size(), "rule") + ") against the live rules (version " + live.version() + ", "
        + Catalogue.count(live.rules().size(), "rule") + ").", null, null));
    if (!added.isEmpty()) {
      sections.add(new Section(2, "Rules added", null, Catalogue.RULE_COLUMNS, added));
    }
    if (!removed.isEmpty()) {
      sections.add(new Section(2, "Rules removed", null, Catalogue.RULE_COLUMNS, removed));
    }
    if (!changed.isEmpty()) {
      sections.add(new Section(2, "Rules changed", null, null, null, changed));
    }
    if (!data.isEmpty()) {
      sections.add(new Section(2, "Reference data changed", null, null, null, data));
    }
    return sections;
  }

  private static Map<String, RuleInfo> byId(List<RuleInfo> rules) {
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    rules.forEach(rule -> byId.put(rule.id(), rule));
    return byId;
  }

  /** What changed in a rule both rule sets hold, one line for each part, in the order a rule file shows them. */
  private static List<String> ruleChanges(RuleInfo was, RuleDetail wasDetail, RuleInfo is, RuleDetail isDetail) {
    String rule = is.id() + " " + is.name() + " \u2014 ";
    List<String> lines = new ArrayList<>();
    if (!was.name().equals(is.name())) {
      lines.add(rule + "name: " + quoted(was.name()) + " \u2192 " + quoted(is.name()));
    }
    if (!was.file().equals(is.file())) {
      lines.add(rule + "file: " + was.file() + " \u2192 " + is.file());
    }
    if (!was.description().equals(is.description())) {
      lines.add(rule + "description: " + quoted(was.description()) + " \u2192 " + quoted(is.description()));
    }
    if (!was.source().equals(is.source())) {
      lines.add(rule + "source: " + quoted(was.source()) + " \u2192 " + quoted(is.source()));
    }
    if (!was.codes().equals(is.codes())) {
      lines.add(rule + "finding codes: " + orNone(String.join(", ", was.codes())) + " \u2192 "
          + orNone(String.join(", ", is.codes())));
    }
    if (!wasDetail.attributes().equals(isDetail.attributes())) {
      lines.add(rule + "attributes: " + orNone(wasDetail.attributes()) + " \u2192 " + orNone(isDetail.attributes()));
    }
    if (!wasDetail.conditions().equals(isDetail.conditions())) {
      lines.add(rule + "what it looks for (its conditions, when) changed");
    }
    if (!wasDetail.actions().equals(isDetail.actions())) {
      lines.add(rule + "what it does (its actions, then) changed");
    }
    if (wasDetail.helper() != isDetail.helper()) {
      lines.add(rule + (isDetail.helper() ? "now a helper rule: it records no finding"
          : "no longer a helper rule: it records findings"));
    }
    return lines;
  }

  /** Each entry of the reference data added, removed or changed, in the order reference-data.yaml lists them. */
  private static List<String> referenceDataChanges(ReferenceData was, ReferenceData is) {
    List<String> lines = new ArrayList<>();
    entries(lines, "directorates", was, is, data -> codes(data.directorates(), Directorate::code));
    entries(lines, "serviceAreas", was, is, data -> keyed(data.serviceAreas(), ServiceArea::code,
        a -> "owner " + a.owner() + ", scope " + a.scope().name()));
    entries(lines, "interdependencies", was, is, data -> keyed(data.interdependencies(),
        (Interdependency l) -> l.from() + " to " + l.to(), l -> "source " + quoted(l.source())));
    entries(lines, "protectedCharacteristics", was, is, data -> codes(data.protectedCharacteristics(), c -> c));
    entries(lines, "clientGroups", was, is, data -> keyed(data.clientGroups(), ClientGroup::code,
        g -> "characteristics " + orNone(String.join(", ", g.characteristics()))));
    entries(lines, "partnerCommissioners", was, is, data -> codes(data.partnerCommissioners(), PartnerCommissioner::code));
    entries(lines, "inHouseCapability", was, is, data -> codes(data.inHouseCapability(), InHouseCapability::serviceArea));
    entries(lines, "safeguardingSensitive", was, is,
        data -> codes(data.safeguardingSensitive(), SafeguardingSensitive::serviceArea));
    entries(lines, "localFields", was, is, data -> keyed(data.localFields(), org.councilgateway.facts.LocalField::name,
        f -> Catalogue.localType(f) + ", " + quoted(f.description())));
    entries(lines, "localSettings", was, is, data -> keyed(data.localSettings(),
        org.councilgateway.facts.LocalField::name, f -> Catalogue.localType(f) + ", " + quoted(f.description())));
    entries(lines, "settings", was, is, data -> keyed(Catalogue.settings(data.settings()), Catalogue.Setting::key,
        Catalogue.Setting::value));
    entries(lines, "jointWorkplans", was, is, data -> withValues(Catalogue.jointWorkplans(data), "service areas "));
    Map<String, String> stagesBefore = Catalogue.gateStages(was);
    Catalogue.gateStages(is).forEach((stage, requires) -> {
      String required = stagesBefore.get(stage);
      if (!sorted(required).equals(sorted(requires))) {
        lines.add("gateStages." + stage + ": requires " + orNone(required) + " \u2192 " + orNone(requires));
      }
    });
    return lines;
  }

  /**
   * Adds a line for each entry of one list of the reference data that one side holds and the other
   * does not, then for each entry whose value changed.
   *
   * @param kind the list's name in reference-data.yaml
   * @param entries the list's entries, each by its key, with its value (empty for a plain code)
   */
  private static void entries(List<String> lines, String kind, ReferenceData was, ReferenceData is,
      Function<ReferenceData, Map<String, String>> entries) {
    Map<String, String> before = entries.apply(was);
    Map<String, String> after = entries.apply(is);
    before.forEach((key, value) -> {
      if (!after.containsKey(key)) {
        lines.add(kind + ": " + key + " removed" + (value.isEmpty() ? "" : " (" + value + ")"));
      }
    });
    after.forEach((key, value) -> {
      if (!before.containsKey(key)) {
        lines.add(kind + ": " + key + " added" + (value.isEmpty() ? "" : " (" + value + ")"));
      }
    });
    after.forEach((key, value) -> {
      String old = before.get(key);
      if (old != null && !old.equals(value)) {
        lines.add(kind + "." + key + ": " + old + " \u2192 " + value);
      }
    });
  }

  private static <T> Map<String, String> codes(List<T> list, Function<T, String> code) {
    return keyed(list, code, t -> "");
  }

  private static <T> Map<String, String> keyed(List<T> list, Function<T, String> key, Function<T, String> value) {
    Map<String, String> keyed = new LinkedHashMap<>();
    list.forEach(t -> keyed.putIfAbsent(key.apply(t), value.apply(t)));
    return keyed;
  }

  private static Map<String, String> withValues(Map<String, String> map, String prefix) {
    Map<String, String> prefixed = new LinkedHashMap<>();
    map.forEach((key, value) -> prefixed.put(key, prefix + value));
    return prefixed;
  }

  /** A list of codes in order, to compare two lists that name the same codes differently ordered as equal. */
  private static List<String> sorted(String codes) {
    return codes.isEmpty() ? List.of() : java.util.Arrays.stream(codes.split(", ")).sorted().toList();
  }

  private static String orNone(String text) {
    return text.isEmpty() ? "none" : text;
  }

  private static String quoted(String text) {
    return "\"" + Objects.requireNonNull(text) + "\"";
  }
}

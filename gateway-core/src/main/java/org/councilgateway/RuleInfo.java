package org.councilgateway;

import java.util.List;
import java.util.Objects;

/**
 * A rule in a rule set, with its metadata, for catalogues and traces.
 *
 * @param id its {@code @id}
 * @param name its name, in plain English
 * @param description its {@code @description}
 * @param source its {@code @source}: the policy it encodes
 * @param file the rule file, relative to the rules root
 * @param line the line the rule starts on
 * @param codes the finding codes it records, as its consequence writes them out (a key decision as
 *     {@code KEY_DECISION}); for a user interface's labels, with {@link RuleSet#rulesByCode()}
 */
public record RuleInfo(String id, String name, String description, String source, String file, int line,
    List<String> codes) {

  /**
   * Checks the values.
   *
   * @param id its {@code @id}
   * @param name its name, in plain English
   * @param description its {@code @description}
   * @param source its {@code @source}: the policy it encodes
   * @param file the rule file, relative to the rules root
   * @param line the line the rule starts on
   * @param codes the finding codes it records
   */
  public RuleInfo {
    codes = List.copyOf(codes);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(file, "file");
  }

  /**
   * The concern the rule belongs to: its file name without the extension.
   *
   * @return the concern, such as {@code scope}
   */
  public String concern() {
    String base = file.substring(file.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}

package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.RuleDetail;

import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Tells the rules that look across the plan from the rules about one proposal, from their DRL.
 *
 * <p>A plan is assessed in two stages. Each proposal's own rules run over the proposals in
 * batches (on every core), then the plan rules run once over all the proposals and every fact the
 * first stage inserted. A rule is a plan rule when it records a portfolio finding
 * ({@code findings.portfolio(...)}), or when it matches more than one proposal: two
 * {@code Proposal} patterns, or one under {@code not}, {@code exists}, {@code forall},
 * {@code accumulate} or {@code collect} (which look at the other proposals). Taking a rule for a
 * plan rule is always safe, as it then sees the whole plan; the reverse would not be, so the test
 * errs that way.
 */
final class RuleRoles {
  private static final Pattern WRITES = Pattern.compile("\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(");
  private static final Pattern RECORDS_PORTFOLIO = Pattern.compile("\\bfindings\\s*\\.\\s*portfolio\\s*\\(");

  private RuleRoles() {}

  /**
   * @param rule a parsed rule
   * @return whether the rule looks across the plan rather than at one proposal
   */
  static boolean looksAcrossPlan(RuleDescr rule) {
    if (recordsPortfolio(rule.getConsequence())
        || rule.getNamedConsequences().values().stream().anyMatch(RuleRoles::recordsPortfolio)) {
      return true;
    }
    Proposals found = new Proposals();
    found.walk(rule.getLhs(), false);
    return found.acrossPlan || found.matched > 1;
  }

  /**
   * @param rule a parsed rule
   * @return whether its consequence may change the facts other rules see (insert, modify, update
   *     or delete); a rule across the plan that does not can run in a session of its own
   */
  static boolean writesFacts(RuleDescr rule) {
    return writes(rule.getConsequence()) || rule.getNamedConsequences().values().stream().anyMatch(RuleRoles::writes);
  }

  /** A finding recorded with its code written out: {@code findings.challenge($p, "CHALLENGE_RISKS", ...)}. */
  private static final java.util.regex.Pattern RECORDED_CODE = java.util.regex.Pattern.compile(
      "\\bfindings\\s*\\.\\s*(?:(?:scope|impact|eiaReason|eiaAction|challenge)\\s*\\([^,\"]*,|portfolio\\s*\\()"
          + "\\s*\"([A-Z][A-Z0-9_]*)\"");
  private static final java.util.regex.Pattern KEY_DECISION = java.util.regex.Pattern.compile(
      "\\bfindings\\s*\\.\\s*keyDecision\\s*\\(");

  /**
   * The finding codes a rule records, as its consequence writes them out, in the order it does; a
   * key decision counts as {@code KEY_DECISION}. A code a rule works out at run time is not listed.
   *
   * @param rule the rule
   * @return the codes, each once
   */
  static java.util.List<String> codes(RuleDescr rule) {
    java.util.Set<String> codes = new java.util.LinkedHashSet<>();
    java.util.List<Object> consequences = new java.util.ArrayList<>();
    consequences.add(rule.getConsequence());
    consequences.addAll(rule.getNamedConsequences().values());
    for (Object consequence : consequences) {
      if (consequence == null) {
        continue;
      }
      String text = consequence.toString();
      java.util.regex.Matcher found = RECORDED_CODE.matcher(text);
      while (found.find()) {
        codes.add(found.group(1));
      }
      if (KEY_DECISION.matcher(text).find()) {
        codes.add("KEY_DECISION");
      }
    }
    return java.util.List.copyOf(codes);
  }

  /** Any call on the findings global: a rule that makes one decides something. */
  private static final Pattern RECORDS_ANY = Pattern.compile("\\bfindings\\s*\\.\\s*[A-Za-z_$][A-Za-z0-9_$]*\\s*\\(");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /**
   * Whether a rule is a helper: its actions call no method of {@code findings} (so it records no
   * code, not even one worked out at run time) and they insert, change or delete facts, which
   * other rules match. A rule that records anything is never a helper.
   *
   * @param rule a parsed rule
   * @return whether it only prepares facts for other rules
   */
  static boolean isHelper(RuleDescr rule) {
    java.util.List<Object> consequences = new java.util.ArrayList<>();
    consequences.add(rule.getConsequence());
    consequences.addAll(rule.getNamedConsequences().values());
    boolean records = consequences.stream()
        .anyMatch(c -> c != null && RECORDS_ANY.matcher(c.toString()).find());
    return !records && codes(rule).isEmpty() && writesFacts(rule);
  }

  /**
   * What the catalogue needs of a rule beyond its metadata: whether it is a helper, and the text
   * of its conditions, actions and attributes, spacing aside.
   *
   * @param rule a parsed rule
   * @param content the text of the file it was parsed from
   * @return the detail
   */
  static RuleDetail detail(RuleDescr rule, String content) {
    BaseDescr lhs = rule.getLhs();
    String conditions = "";
    if (lhs != null && lhs.getStartCharacter() >= 0 && lhs.getEndCharacter() >= lhs.getStartCharacter()
        && lhs.getEndCharacter() < content.length()) {
      conditions = content.substring(lhs.getStartCharacter(), lhs.getEndCharacter() + 1);
    } else if (rule.getStartCharacter() >= 0 && rule.getEndCharacter() >= rule.getStartCharacter()
        && rule.getEndCharacter() < content.length()) {
      // Where the conditions are is not known: the whole rule stands for them.
      conditions = content.substring(rule.getStartCharacter(), rule.getEndCharacter() + 1);
    }
    StringBuilder actions = new StringBuilder(rule.getConsequence() == null ? "" : rule.getConsequence().toString());
    new java.util.TreeMap<>(rule.getNamedConsequences())
        .forEach((name, consequence) -> actions.append(" then[").append(name).append("] ").append(consequence));
    String attributes = new java.util.TreeMap<>(rule.getAttributes()).values().stream()
        .map(a -> a.getName() + " " + a.getValue()).collect(java.util.stream.Collectors.joining(", "));
    return new RuleDetail(isHelper(rule), spaced(conditions), spaced(actions.toString()), spaced(attributes));
  }

  private static String spaced(String text) {
    return SPACE.matcher(text).replaceAll(" ").strip();
  }

  private static boolean writes(Object consequence) {
    return consequence != null && WRITES.matcher(consequence.toString()).find();
  }

  private static boolean recordsPortfolio(Object consequence) {
    return consequence != null && RECORDS_PORTFOLIO.matcher(consequence.toString()).find();
  }

  /** Counts the patterns that match proposals in working memory. */
  private static final class Proposals {
    int matched;
    boolean acrossPlan;

    void walk(BaseDescr descr, boolean overOthers) {
      if (descr instanceof PatternDescr pattern) {
        if (isProposal(pattern.getObjectType()) && !(pattern.getSource() instanceof FromDescr)) {
          matched++;
          acrossPlan |= overOthers;
        }
        if (pattern.getSource() instanceof AccumulateDescr || pattern.getSource() instanceof CollectDescr) {
          walk(pattern.getSource(), true);
        }
      } else if (descr instanceof AccumulateDescr accumulate) {
        walk(accumulate.getInput(), true);
      } else if (descr instanceof CollectDescr collect) {
        walk(collect.getInputPattern(), true);
      } else if (descr instanceof ConditionalElementDescr element) {
        boolean nested = overOthers || descr instanceof NotDescr || descr instanceof ExistsDescr
            || descr instanceof ForallDescr;
        for (Object child : element.getDescrs()) {
          if (child instanceof BaseDescr base) {
            walk(base, nested);
          }
        }
      }
    }

    private static boolean isProposal(String type) {
      return type != null && (type.equals("Proposal") || type.endsWith(".Proposal"));
    }
  }
}

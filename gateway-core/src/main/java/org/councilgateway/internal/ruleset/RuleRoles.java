package org.councilgateway.internal.ruleset;

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

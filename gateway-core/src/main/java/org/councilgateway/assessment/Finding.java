package org.councilgateway.assessment;

import java.util.Objects;

/**
 * Something a rule found about a proposal: an impact, an EIA action or a challenge.
 *
 * @param code the stable code, as listed in docs/policy.md
 * @param target what it concerns (a directorate, service area, partner, funder or provider), or null
 * @param ruleId the id of the rule that found it
 * @param source the policy source the rule cites
 * @param message one sentence saying why, with the facts that made the rule fire
 */
public record Finding(String code, String target, String ruleId, String source, String message) {

  /**
   * Checks the required values.
   *
   * @param code the stable code, as listed in docs/policy.md
   * @param target what it concerns (a directorate, service area, partner, funder or provider), or null
   * @param ruleId the id of the rule that found it
   * @param source the policy source the rule cites
   * @param message one sentence saying why, with the facts that made the rule fire
   */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }
}

package org.councilgateway.internal.ruleset;

import java.util.List;
import org.councilgateway.RuleInfo;
import org.councilgateway.assessment.TraceEntry;

/**
 * What the recorder needs of a rule each time it fires, worked out once when the rule set is
 * compiled: its metadata, its position in id order (for the trace), and the names of the
 * declarations that bind a proposal (so the trace never has to walk a match's facts).
 *
 * @param info the rule's metadata
 * @param index its position among the rules sorted by id
 * @param trace its trace entry
 * @param proposalDeclarations the declarations bound to proposals
 */
public record RuleMeta(RuleInfo info, int index, TraceEntry trace, List<String> proposalDeclarations) {

  public RuleMeta {
    proposalDeclarations = List.copyOf(proposalDeclarations);
  }
}

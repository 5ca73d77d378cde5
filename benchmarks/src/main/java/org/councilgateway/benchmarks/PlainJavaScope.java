package org.councilgateway.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.Proposal;
import org.councilgateway.facts.Interdependency;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.ServiceArea;

/** The bundled scope rules written as plain Java: the lower bound the benchmarks compare against. */
final class PlainJavaScope {
  private PlainJavaScope() {}

  static List<String> reasons(Proposal p, ReferenceData data) {
    List<String> reasons = new ArrayList<>(4);
    Optional<ServiceArea> area = data.serviceArea(p.serviceArea());
    if (area.isPresent() && area.get().councilWide()) {
      reasons.add("SCOPE_COUNCIL_WIDE_SERVICE");
    }
    if (p.affectedDirectorates().stream().anyMatch(d -> !d.equals(p.leadDirectorate()))) {
      reasons.add("SCOPE_OTHER_DIRECTORATE_AFFECTED");
    }
    for (Interdependency link : data.interdependencies()) {
      if (link.from().equals(p.serviceArea())
          && data.serviceArea(link.to()).map(s -> !s.owner().equals(p.leadDirectorate())).orElse(false)) {
        reasons.add("SCOPE_INTERDEPENDENT_SERVICE");
        break;
      }
    }
    for (FundingSource source : p.fundingSources()) {
      if (source.directorate() != null && !source.directorate().equals(p.leadDirectorate())) {
        reasons.add("SCOPE_SHARED_FUNDING");
        break;
      }
    }
    return reasons;
  }
}

package org.councilgateway.internal.assess;

import org.councilgateway.internal.ruleset.KnownCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.councilgateway.model.CompletedEia;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.Proposal;
import org.councilgateway.assessment.Warning;

/**
 * The reader's warnings about a proposal: codes the reference data does not know, and completed
 * EIAs dated after the assessment date. A warning never stops a proposal being assessed.
 */
public final class DataWarnings {
  private DataWarnings() {}

  /** Every code a data warning can have, in the policy's order. */
  public static final List<String> CODES = List.of("UNKNOWN_SERVICE_AREA", "UNKNOWN_DIRECTORATE", "UNKNOWN_CLIENT_GROUP",
      "UNKNOWN_PARTNER", "EIA_DATED_AFTER_AS_OF", "REVIEW_DATED_AFTER_AS_OF");

  static List<Warning> of(Proposal proposal, KnownCodes known, LocalDate asOf) {
    Map<String, Warning> warnings = new LinkedHashMap<>();
    if (!known.serviceAreas().contains(proposal.serviceArea())) {
      add(warnings, "UNKNOWN_SERVICE_AREA", proposal.serviceArea(), "Service area " + proposal.serviceArea()
          + " is not in the reference data: it is assessed as not council-wide by nature, with no interdependencies.");
    }
    List<String> directorates = new ArrayList<>();
    directorates.add(proposal.leadDirectorate());
    directorates.addAll(proposal.affectedDirectorates());
    proposal.fundingSources().stream().map(FundingSource::directorate).filter(d -> d != null).forEach(directorates::add);
    directorates.addAll(proposal.consultedDirectorates());
    for (String directorate : directorates) {
      if (!known.directorates().contains(directorate)) {
        add(warnings, "UNKNOWN_DIRECTORATE", directorate, "Directorate " + directorate
            + " is not in the reference data: it still counts as a directorate.");
      }
    }
    for (String group : proposal.clientGroups()) {
      if (!known.clientGroups().contains(group)) {
        add(warnings, "UNKNOWN_CLIENT_GROUP", group, "Client group " + group
            + " is not in the reference data: it counts as service users but engages no protected characteristic.");
      }
    }
    for (String partner : proposal.partners()) {
      if (!known.partners().contains(partner)) {
        add(warnings, "UNKNOWN_PARTNER", partner, "Partner " + partner
            + " is not in the reference data: it is not treated as a partner commissioner.");
      }
    }
    for (CompletedEia eia : proposal.eia().completed()) {
      if (eia.on().isAfter(asOf)) {
        add(warnings, "EIA_DATED_AFTER_AS_OF", eia.on().toString(), "A completed " + eia.kind() + " EIA is dated "
            + eia.on() + ", after the assessment date " + asOf + ", and is ignored.");
      }
    }
    if (proposal.serviceReviewedOn() != null && proposal.serviceReviewedOn().isAfter(asOf)) {
      add(warnings, "REVIEW_DATED_AFTER_AS_OF", proposal.serviceReviewedOn().toString(), "The service review is dated "
          + proposal.serviceReviewedOn() + ", after the assessment date " + asOf + ", and is ignored.");
    }
    return warnings.values().stream()
        .sorted(Comparator.comparing(Warning::code, PolicyOrder.of(PolicyOrder.WARNINGS))
            .thenComparing(Warning::target))
        .toList();
  }

  private static void add(Map<String, Warning> warnings, String code, String target, String message) {
    warnings.putIfAbsent(code + "\u0000" + target, new Warning(code, target, message));
  }
}

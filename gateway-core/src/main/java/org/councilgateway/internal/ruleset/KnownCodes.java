package org.councilgateway.internal.ruleset;

import java.util.Set;
import java.util.stream.Collectors;
import org.councilgateway.facts.ClientGroup;
import org.councilgateway.facts.Directorate;
import org.councilgateway.facts.PartnerCommissioner;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.ServiceArea;

/**
 * The codes a rule set's reference data defines, as sets, worked out once per compiled rule set
 * so that checking each proposal's codes is a lookup, not a scan.
 *
 * @param directorates the directorate codes
 * @param serviceAreas the service area codes
 * @param clientGroups the client group codes
 * @param partners the partner commissioner codes
 */
public record KnownCodes(Set<String> directorates, Set<String> serviceAreas, Set<String> clientGroups, Set<String> partners) {

  public static KnownCodes of(ReferenceData data) {
    return new KnownCodes(
        data.directorates().stream().map(Directorate::code).collect(Collectors.toUnmodifiableSet()),
        data.serviceAreas().stream().map(ServiceArea::code).collect(Collectors.toUnmodifiableSet()),
        data.clientGroups().stream().map(ClientGroup::code).collect(Collectors.toUnmodifiableSet()),
        data.partnerCommissioners().stream().map(PartnerCommissioner::code).collect(Collectors.toUnmodifiableSet()));
  }
}

package org.councilgateway.facts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference data a rule set ships beside its rules: the council's structure, its services and
 * the local policy numbers. Each entry is also a fact the rules see.
 *
 * @param directorates the directorates
 * @param serviceAreas the service areas
 * @param interdependencies the links between service areas
 * @param protectedCharacteristics the protected characteristics, in output order
 * @param clientGroups the client groups
 * @param partnerCommissioners the partner commissioners
 * @param inHouseCapability the service areas the council can deliver itself
 * @param safeguardingSensitive the safeguarding-sensitive service areas
 * @param settings the local policy numbers
 * @param jointWorkplans the service areas partner commissioners have agreed to commission jointly
 * @param gateRequirements what each gate stage requires, one fact per stage and code
 * @param localFields the council's own fields, which proposals may carry under {@code local}
 * @param localSettings the council's own settings, whose values {@code settings} gives
 */
public record ReferenceData(
    List<Directorate> directorates,
    List<ServiceArea> serviceAreas,
    List<Interdependency> interdependencies,
    List<String> protectedCharacteristics,
    List<ClientGroup> clientGroups,
    List<PartnerCommissioner> partnerCommissioners,
    List<InHouseCapability> inHouseCapability,
    List<SafeguardingSensitive> safeguardingSensitive,
    Settings settings,
    List<JointWorkplan> jointWorkplans,
    List<GateRequirement> gateRequirements,
    List<LocalField> localFields,
    List<LocalField> localSettings) {

  /**
   * Checks the values and copies the lists.
   *
   * @param directorates the directorates
   * @param serviceAreas the service areas
   * @param interdependencies the links between service areas
   * @param protectedCharacteristics the protected characteristics, in output order
   * @param clientGroups the client groups
   * @param partnerCommissioners the partner commissioners
   * @param inHouseCapability the service areas the council can deliver itself
   * @param safeguardingSensitive the safeguarding-sensitive service areas
   * @param settings the local policy numbers
   * @param jointWorkplans the service areas partner commissioners have agreed to commission jointly
   * @param gateRequirements what each gate stage requires, one fact per stage and code
   * @param localFields the council's own fields, or null for none
   * @param localSettings the council's own settings, or null for none
   */
  public ReferenceData {
    directorates = List.copyOf(directorates);
    serviceAreas = List.copyOf(serviceAreas);
    interdependencies = List.copyOf(interdependencies);
    protectedCharacteristics = List.copyOf(protectedCharacteristics);
    clientGroups = List.copyOf(clientGroups);
    partnerCommissioners = List.copyOf(partnerCommissioners);
    inHouseCapability = List.copyOf(inHouseCapability);
    safeguardingSensitive = List.copyOf(safeguardingSensitive);
    Objects.requireNonNull(settings, "settings");
    jointWorkplans = List.copyOf(jointWorkplans);
    gateRequirements = List.copyOf(gateRequirements);
    localFields = localFields == null ? List.of() : List.copyOf(localFields);
    localSettings = localSettings == null ? List.of() : List.copyOf(localSettings);
  }

  /**
   * Reference data with no local fields or settings.
   *
   * @param directorates the directorates
   * @param serviceAreas the service areas
   * @param interdependencies the links between service areas
   * @param protectedCharacteristics the protected characteristics, in output order
   * @param clientGroups the client groups
   * @param partnerCommissioners the partner commissioners
   * @param inHouseCapability the service areas the council can deliver itself
   * @param safeguardingSensitive the safeguarding-sensitive service areas
   * @param settings the local policy numbers
   * @param jointWorkplans the service areas partner commissioners have agreed to commission jointly
   * @param gateRequirements what each gate stage requires, one fact per stage and code
   */
  public ReferenceData(List<Directorate> directorates, List<ServiceArea> serviceAreas,
      List<Interdependency> interdependencies, List<String> protectedCharacteristics, List<ClientGroup> clientGroups,
      List<PartnerCommissioner> partnerCommissioners, List<InHouseCapability> inHouseCapability,
      List<SafeguardingSensitive> safeguardingSensitive, Settings settings, List<JointWorkplan> jointWorkplans,
      List<GateRequirement> gateRequirements) {
    this(directorates, serviceAreas, interdependencies, protectedCharacteristics, clientGroups, partnerCommissioners,
        inHouseCapability, safeguardingSensitive, settings, jointWorkplans, gateRequirements, null, null);
  }

  /**
   * Tells whether a directorate code is defined.
   *
   * @param code the code
   * @return true when defined
   */
  public boolean isDirectorate(String code) {
    return directorates.stream().anyMatch(d -> d.code().equals(code));
  }

  /**
   * Finds a service area by code.
   *
   * @param code the code
   * @return the service area, or empty when not defined
   */
  public Optional<ServiceArea> serviceArea(String code) {
    return serviceAreas.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /**
   * Tells whether a client group code is defined.
   *
   * @param code the code
   * @return true when defined
   */
  public boolean isClientGroup(String code) {
    return clientGroups.stream().anyMatch(g -> g.code().equals(code));
  }

  /**
   * Every entry as a fact for the rules.
   *
   * @return the facts
   */
  public List<Object> facts() {
    List<Object> facts = new java.util.ArrayList<>();
    facts.addAll(directorates);
    facts.addAll(serviceAreas);
    facts.addAll(interdependencies);
    facts.addAll(clientGroups);
    facts.addAll(partnerCommissioners);
    facts.addAll(inHouseCapability);
    facts.addAll(safeguardingSensitive);
    facts.add(settings);
    facts.addAll(jointWorkplans);
    facts.addAll(gateRequirements);
    return List.copyOf(facts);
  }
}

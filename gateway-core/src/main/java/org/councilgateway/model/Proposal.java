package org.councilgateway.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A proposed commissioning project on the forward plan, as the gateway sees it.
 *
 * <p>Lists are sets kept in their given order (null is empty, a repeated entry counts once);
 * absent booleans are false. Build one with {@link #builder()} or read a plan with
 * {@link org.councilgateway.PlanReader}. docs/formats.md describes each field as a plan gives it.
 *
 * @param id the proposal's id, unique in a plan
 * @param title its title
 * @param leadDirectorate the directorate leading it
 * @param serviceArea the service area it commissions
 * @param changeType what it does to the service
 * @param objectives the commissioning objectives stated
 * @param outcomes the outcomes it seeks (free text)
 * @param annualValue its value a year, or null when not stated
 * @param termMonths its term in months, or null when not stated
 * @param startDate when it starts, or null when not stated
 * @param reductionPercent for a reduction, by how much (above 0, at most 100), or null
 * @param affectedDirectorates directorates the commissioner declares affected
 * @param fundingSources where its money comes from
 * @param clientGroups the client groups it serves
 * @param partners partner organisations involved
 * @param deliveryOptions the delivery options considered
 * @param commissionerManagesInHouseProvider whether the commissioner also manages the in-house provider
 * @param consulted the groups consulted
 * @param consultedDirectorates the directorates consulted
 * @param risksAssessed whether risks have been assessed
 * @param paymentModel how the provider is to be paid, or null when not stated
 * @param provider the provider, or null when none is named
 * @param eligibilityChange whether eligibility for the service changes
 * @param staffing the effect on council posts
 * @param wards the wards it names
 * @param eia the equality impact assessments done so far
 * @param serviceReviewedOn when the existing service was last reviewed for whether it should
 *     continue, or null when not stated
 * @param socialValueConsidered whether social value has been considered for the procurement
 * @param contractMonitoring who monitors the contract and how closely, or null when not stated
 * @param stage where it stands in the commissioning cycle, or null when not stated
 * @param origin where it came from (such as the procurement notice it was imported from), or null;
 *     carried into the assessment output unchanged, it takes no part in any rule
 * @param local the council's own fields, declared in the reference data ({@code localFields});
 *     never null, {@link LocalValues#EMPTY} when there are none
 */
public record Proposal(
    String id,
    String title,
    String leadDirectorate,
    String serviceArea,
    ChangeType changeType,
    List<String> objectives,
    List<String> outcomes,
    Long annualValue,
    Integer termMonths,
    LocalDate startDate,
    BigDecimal reductionPercent,
    List<String> affectedDirectorates,
    List<FundingSource> fundingSources,
    List<String> clientGroups,
    List<String> partners,
    List<DeliveryOption> deliveryOptions,
    boolean commissionerManagesInHouseProvider,
    List<Consultee> consulted,
    List<String> consultedDirectorates,
    boolean risksAssessed,
    PaymentModel paymentModel,
    Provider provider,
    boolean eligibilityChange,
    Staffing staffing,
    List<String> wards,
    EiaRecord eia,
    LocalDate serviceReviewedOn,
    boolean socialValueConsidered,
    ContractMonitoring contractMonitoring,
    GateStage stage,
    Origin origin,
    LocalValues local) {

  /** The client group that names council staff rather than service users. */
  public static final String COUNCIL_STAFF = "COUNCIL_STAFF";

  /**
   * Checks the required values and the ranges, and copies the lists.
   *
   * @param id the proposal's id, unique in a plan
   * @param title its title
   * @param leadDirectorate the directorate leading it
   * @param serviceArea the service area it commissions
   * @param changeType what it does to the service
   * @param objectives the commissioning objectives stated
   * @param outcomes the outcomes it seeks (free text)
   * @param annualValue its value a year, or null when not stated
   * @param termMonths its term in months, or null when not stated
   * @param startDate when it starts, or null when not stated
   * @param reductionPercent for a reduction, by how much (above 0, at most 100), or null
   * @param affectedDirectorates directorates the commissioner declares affected
   * @param fundingSources where its money comes from
   * @param clientGroups the client groups it serves
   * @param partners partner organisations involved
   * @param deliveryOptions the delivery options considered
   * @param commissionerManagesInHouseProvider whether the commissioner also manages the in-house provider
   * @param consulted the groups consulted
   * @param consultedDirectorates the directorates consulted
   * @param risksAssessed whether risks have been assessed
   * @param paymentModel how the provider is to be paid, or null when not stated
   * @param provider the provider, or null when none is named
   * @param eligibilityChange whether eligibility for the service changes
   * @param staffing the effect on council posts
   * @param wards the wards it names
   * @param eia the equality impact assessments done so far
   * @param serviceReviewedOn when the existing service was last reviewed for whether it should
   *     continue, or null when not stated
   * @param socialValueConsidered whether social value has been considered for the procurement
   * @param contractMonitoring who monitors the contract and how closely, or null when not stated
   * @param stage where it stands in the commissioning cycle, or null when not stated
   * @param origin where it came from, or null
   * @param local the council's own fields, or null for none
   */
  public Proposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(leadDirectorate, "leadDirectorate");
    Objects.requireNonNull(serviceArea, "serviceArea");
    Objects.requireNonNull(changeType, "changeType");
    if (annualValue != null && annualValue < 0) {
      throw new IllegalArgumentException("annualValue must not be negative but was " + annualValue);
    }
    if (termMonths != null && termMonths < 0) {
      throw new IllegalArgumentException("termMonths must not be negative but was " + termMonths);
    }
    if (reductionPercent != null
        && (reductionPercent.signum() <= 0 || reductionPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException(
          "reductionPercent must be above 0 and at most 100 but was " + reductionPercent);
    }
    objectives = Lists.distinct(objectives);
    outcomes = Lists.distinct(outcomes);
    affectedDirectorates = Lists.distinct(affectedDirectorates);
    fundingSources = Lists.distinct(fundingSources);
    clientGroups = Lists.distinct(clientGroups);
    partners = Lists.distinct(partners);
    deliveryOptions = Lists.distinct(deliveryOptions);
    consulted = Lists.distinct(consulted);
    consultedDirectorates = Lists.distinct(consultedDirectorates);
    wards = Lists.distinct(wards);
    staffing = staffing == null ? Staffing.NONE : staffing;
    eia = eia == null ? EiaRecord.NONE : eia;
    local = local == null ? LocalValues.EMPTY : local;
  }

  /**
   * A proposal with no local fields, as proposals were made before they were added.
   *
   * @param id the proposal's id, unique in a plan
   * @param title its title
   * @param leadDirectorate the directorate leading it
   * @param serviceArea the service area it commissions
   * @param changeType what it does to the service
   * @param objectives the commissioning objectives stated
   * @param outcomes the outcomes it seeks (free text)
   * @param annualValue its value a year, or null when not stated
   * @param termMonths its term in months, or null when not stated
   * @param startDate when it starts, or null when not stated
   * @param reductionPercent for a reduction, by how much (above 0, at most 100), or null
   * @param affectedDirectorates directorates the commissioner declares affected
   * @param fundingSources where its money comes from
   * @param clientGroups the client groups it serves
   * @param partners partner organisations involved
   * @param deliveryOptions the delivery options considered
   * @param commissionerManagesInHouseProvider whether the commissioner also manages the in-house provider
   * @param consulted the groups consulted
   * @param consultedDirectorates the directorates consulted
   * @param risksAssessed whether risks have been assessed
   * @param paymentModel how the provider is to be paid, or null when not stated
   * @param provider the provider, or null when none is named
   * @param eligibilityChange whether eligibility for the service changes
   * @param staffing the effect on council posts
   * @param wards the wards it names
   * @param eia the equality impact assessments done so far
   * @param serviceReviewedOn when the existing service was last reviewed, or null when not stated
   * @param socialValueConsidered whether social value has been considered for the procurement
   * @param contractMonitoring who monitors the contract and how closely, or null when not stated
   * @param stage where it stands in the commissioning cycle, or null when not stated
   * @param origin where it came from, or null
   */
  public Proposal(String id, String title, String leadDirectorate, String serviceArea, ChangeType changeType,
      List<String> objectives, List<String> outcomes, Long annualValue, Integer termMonths, LocalDate startDate,
      BigDecimal reductionPercent, List<String> affectedDirectorates, List<FundingSource> fundingSources,
      List<String> clientGroups, List<String> partners, List<DeliveryOption> deliveryOptions,
      boolean commissionerManagesInHouseProvider, List<Consultee> consulted, List<String> consultedDirectorates,
      boolean risksAssessed, PaymentModel paymentModel, Provider provider, boolean eligibilityChange,
      Staffing staffing, List<String> wards, EiaRecord eia, LocalDate serviceReviewedOn,
      boolean socialValueConsidered, ContractMonitoring contractMonitoring, GateStage stage, Origin origin) {
    this(id, title, leadDirectorate, serviceArea, changeType, objectives, outcomes, annualValue, termMonths,
        startDate, reductionPercent, affectedDirectorates, fundingSources, clientGroups, partners, deliveryOptions,
        commissionerManagesInHouseProvider, consulted, consultedDirectorates, risksAssessed, paymentModel, provider,
        eligibilityChange, staffing, wards, eia, serviceReviewedOn, socialValueConsidered, contractMonitoring, stage,
        origin, null);
  }

  /**
   * A proposal with no {@code origin}, as proposals were made before it was added.
   *
   * @param id the proposal's id, unique in a plan
   * @param title its title
   * @param leadDirectorate the directorate leading it
   * @param serviceArea the service area it commissions
   * @param changeType what it does to the service
   * @param objectives the commissioning objectives stated
   * @param outcomes the outcomes it seeks (free text)
   * @param annualValue its value a year, or null when not stated
   * @param termMonths its term in months, or null when not stated
   * @param startDate when it starts, or null when not stated
   * @param reductionPercent for a reduction, by how much (above 0, at most 100), or null
   * @param affectedDirectorates directorates the commissioner declares affected
   * @param fundingSources where its money comes from
   * @param clientGroups the client groups it serves
   * @param partners partner organisations involved
   * @param deliveryOptions the delivery options considered
   * @param commissionerManagesInHouseProvider whether the commissioner also manages the in-house provider
   * @param consulted the groups consulted
   * @param consultedDirectorates the directorates consulted
   * @param risksAssessed whether risks have been assessed
   * @param paymentModel how the provider is to be paid, or null when not stated
   * @param provider the provider, or null when none is named
   * @param eligibilityChange whether eligibility for the service changes
   * @param staffing the effect on council posts
   * @param wards the wards it names
   * @param eia the equality impact assessments done so far
   * @param serviceReviewedOn when the existing service was last reviewed, or null when not stated
   * @param socialValueConsidered whether social value has been considered for the procurement
   * @param contractMonitoring who monitors the contract and how closely, or null when not stated
   * @param stage where it stands in the commissioning cycle, or null when not stated
   */
  public Proposal(String id, String title, String leadDirectorate, String serviceArea, ChangeType changeType,
      List<String> objectives, List<String> outcomes, Long annualValue, Integer termMonths, LocalDate startDate,
      BigDecimal reductionPercent, List<String> affectedDirectorates, List<FundingSource> fundingSources,
      List<String> clientGroups, List<String> partners, List<DeliveryOption> deliveryOptions,
      boolean commissionerManagesInHouseProvider, List<Consultee> consulted, List<String> consultedDirectorates,
      boolean risksAssessed, PaymentModel paymentModel, Provider provider, boolean eligibilityChange,
      Staffing staffing, List<String> wards, EiaRecord eia, LocalDate serviceReviewedOn,
      boolean socialValueConsidered, ContractMonitoring contractMonitoring, GateStage stage) {
    this(id, title, leadDirectorate, serviceArea, changeType, objectives, outcomes, annualValue, termMonths,
        startDate, reductionPercent, affectedDirectorates, fundingSources, clientGroups, partners, deliveryOptions,
        commissionerManagesInHouseProvider, consulted, consultedDirectorates, risksAssessed, paymentModel, provider,
        eligibilityChange, staffing, wards, eia, serviceReviewedOn, socialValueConsidered, contractMonitoring, stage,
        null, null);
  }

  /**
   * Tells whether the proposal chooses a provider: its change type is NEW or RECOMMISSION.
   *
   * @return true when it procures
   */
  public boolean procures() {
    return changeType.procures();
  }

  /**
   * Tells whether the proposal has service users: it names a client group other than
   * {@value #COUNCIL_STAFF}, known or unknown.
   *
   * @return true when it has service users
   */
  public boolean hasServiceUsers() {
    return clientGroups.stream().anyMatch(group -> !COUNCIL_STAFF.equals(group));
  }

  /**
   * Starts a builder. Each value is set by name, so that two codes cannot be swapped unnoticed:
   *
   * <pre>{@code
   * Proposal.builder().id("NL-2027-003").title("Leisure centres").leadDirectorate("PLACES")
   *     .serviceArea("LEISURE").changeType(ChangeType.RECOMMISSION).annualValue(2_100_000L).build();
   * }</pre>
   *
   * @return an empty builder; {@code id}, {@code title}, {@code leadDirectorate},
   *     {@code serviceArea} and {@code changeType} are required before {@link Builder#build()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this proposal's values, to make a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().id(id).title(title).leadDirectorate(leadDirectorate).serviceArea(serviceArea)
        .changeType(changeType).objectives(objectives).outcomes(outcomes).annualValue(annualValue).termMonths(termMonths)
        .startDate(startDate).reductionPercent(reductionPercent)
        .affectedDirectorates(affectedDirectorates).fundingSources(fundingSources)
        .clientGroups(clientGroups).partners(partners).deliveryOptions(deliveryOptions)
        .commissionerManagesInHouseProvider(commissionerManagesInHouseProvider)
        .consulted(consulted).consultedDirectorates(consultedDirectorates)
        .risksAssessed(risksAssessed).paymentModel(paymentModel).provider(provider)
        .eligibilityChange(eligibilityChange).staffing(staffing).wards(wards).eia(eia)
        .serviceReviewedOn(serviceReviewedOn).socialValueConsidered(socialValueConsidered)
        .contractMonitoring(contractMonitoring).stage(stage).origin(origin).local(local);
  }

  /** Builds a {@link Proposal}; every setter returns the builder. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String title;
    private String leadDirectorate;
    private String serviceArea;
    private ChangeType changeType;
    private List<String> objectives;
    private List<String> outcomes;
    private Long annualValue;
    private Integer termMonths;
    private LocalDate startDate;
    private BigDecimal reductionPercent;
    private List<String> affectedDirectorates;
    private List<FundingSource> fundingSources;
    private List<String> clientGroups;
    private List<String> partners;
    private List<DeliveryOption> deliveryOptions;
    private boolean commissionerManagesInHouseProvider;
    private List<Consultee> consulted;
    private List<String> consultedDirectorates;
    private boolean risksAssessed;
    private PaymentModel paymentModel;
    private Provider provider;
    private boolean eligibilityChange;
    private Staffing staffing;
    private List<String> wards;
    private EiaRecord eia;
    private LocalDate serviceReviewedOn;
    private boolean socialValueConsidered;
    private ContractMonitoring contractMonitoring;
    private GateStage stage;
    private Origin origin;
    private LocalValues local;

    private Builder() {}

    /**
     * Sets the id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(String value) { this.id = value; return this; }
    /**
     * Sets the title.
     *
     * @param value the title
     * @return this builder
     */
    public Builder title(String value) { this.title = value; return this; }
    /**
     * Sets the lead directorate.
     *
     * @param value the lead directorate
     * @return this builder
     */
    public Builder leadDirectorate(String value) { this.leadDirectorate = value; return this; }
    /**
     * Sets the service area.
     *
     * @param value the service area
     * @return this builder
     */
    public Builder serviceArea(String value) { this.serviceArea = value; return this; }
    /**
     * Sets the change type.
     *
     * @param value the change type
     * @return this builder
     */
    public Builder changeType(ChangeType value) { this.changeType = value; return this; }
    /**
     * Sets the objectives.
     *
     * @param value the objectives
     * @return this builder
     */
    public Builder objectives(List<String> value) { this.objectives = value; return this; }
    /**
     * Sets the outcomes.
     *
     * @param value the outcomes
     * @return this builder
     */
    public Builder outcomes(List<String> value) { this.outcomes = value; return this; }
    /**
     * Sets the annual value.
     *
     * @param value the annual value
     * @return this builder
     */
    public Builder annualValue(Long value) { this.annualValue = value; return this; }
    /**
     * Sets the term in months.
     *
     * @param value the term in months
     * @return this builder
     */
    public Builder termMonths(Integer value) { this.termMonths = value; return this; }
    /**
     * Sets the start date.
     *
     * @param value the start date
     * @return this builder
     */
    public Builder startDate(LocalDate value) { this.startDate = value; return this; }
    /**
     * Sets the reduction percentage.
     *
     * @param value the reduction percentage
     * @return this builder
     */
    public Builder reductionPercent(BigDecimal value) { this.reductionPercent = value; return this; }
    /**
     * Sets the declared affected directorates.
     *
     * @param value the declared affected directorates
     * @return this builder
     */
    public Builder affectedDirectorates(List<String> value) { this.affectedDirectorates = value; return this; }
    /**
     * Sets the funding sources.
     *
     * @param value the funding sources
     * @return this builder
     */
    public Builder fundingSources(List<FundingSource> value) { this.fundingSources = value; return this; }
    /**
     * Sets the client groups.
     *
     * @param value the client groups
     * @return this builder
     */
    public Builder clientGroups(List<String> value) { this.clientGroups = value; return this; }
    /**
     * Sets the partners.
     *
     * @param value the partners
     * @return this builder
     */
    public Builder partners(List<String> value) { this.partners = value; return this; }
    /**
     * Sets the delivery options considered.
     *
     * @param value the delivery options considered
     * @return this builder
     */
    public Builder deliveryOptions(List<DeliveryOption> value) { this.deliveryOptions = value; return this; }
    /**
     * Sets whether the commissioner manages the in-house provider.
     *
     * @param value whether the commissioner manages the in-house provider
     * @return this builder
     */
    public Builder commissionerManagesInHouseProvider(boolean value) {
      this.commissionerManagesInHouseProvider = value;
      return this;
    }
    /**
     * Sets the groups consulted.
     *
     * @param value the groups consulted
     * @return this builder
     */
    public Builder consulted(List<Consultee> value) { this.consulted = value; return this; }
    /**
     * Sets the directorates consulted.
     *
     * @param value the directorates consulted
     * @return this builder
     */
    public Builder consultedDirectorates(List<String> value) { this.consultedDirectorates = value; return this; }
    /**
     * Sets whether risks are assessed.
     *
     * @param value whether risks are assessed
     * @return this builder
     */
    public Builder risksAssessed(boolean value) { this.risksAssessed = value; return this; }
    /**
     * Sets the payment model.
     *
     * @param value the payment model
     * @return this builder
     */
    public Builder paymentModel(PaymentModel value) { this.paymentModel = value; return this; }
    /**
     * Sets the provider.
     *
     * @param value the provider
     * @return this builder
     */
    public Builder provider(Provider value) { this.provider = value; return this; }
    /**
     * Sets whether eligibility changes.
     *
     * @param value whether eligibility changes
     * @return this builder
     */
    public Builder eligibilityChange(boolean value) { this.eligibilityChange = value; return this; }
    /**
     * Sets the staffing change.
     *
     * @param value the staffing change
     * @return this builder
     */
    public Builder staffing(Staffing value) { this.staffing = value; return this; }
    /**
     * Sets the wards named.
     *
     * @param value the wards named
     * @return this builder
     */
    public Builder wards(List<String> value) { this.wards = value; return this; }
    /**
     * Sets the equality impact assessments done so far.
     *
     * @param value the equality impact assessments done so far
     * @return this builder
     */
    public Builder eia(EiaRecord value) { this.eia = value; return this; }

    /**
     * Sets when the existing service was last reviewed.
     *
     * @param value the date, or null when not stated
     * @return this builder
     */
    public Builder serviceReviewedOn(LocalDate value) { this.serviceReviewedOn = value; return this; }

    /**
     * Sets whether social value has been considered.
     *
     * @param value whether it has
     * @return this builder
     */
    public Builder socialValueConsidered(boolean value) { this.socialValueConsidered = value; return this; }

    /**
     * Sets who monitors the contract and how closely.
     *
     * @param value the monitoring, or null when not stated
     * @return this builder
     */
    public Builder contractMonitoring(ContractMonitoring value) { this.contractMonitoring = value; return this; }

    /**
     * Sets where it stands in the commissioning cycle.
     *
     * @param value the stage, or null when not stated
     * @return this builder
     */
    public Builder stage(GateStage value) { this.stage = value; return this; }

    /**
     * Sets where it came from.
     *
     * @param value the origin, or null when not stated
     * @return this builder
     */
    public Builder origin(Origin value) { this.origin = value; return this; }

    /**
     * Sets the council's own fields.
     *
     * @param value the local fields, or null for none
     * @return this builder
     */
    public Builder local(LocalValues value) { this.local = value; return this; }

    /**
     * Builds the proposal.
     *
     * @return the proposal
     * @throws IllegalStateException when a required value (id, title, leadDirectorate, serviceArea,
     *     changeType) has not been set, naming it
     * @throws IllegalArgumentException when a number is out of range
     */
    public Proposal build() {
      required(id, "id");
      required(title, "title");
      required(leadDirectorate, "leadDirectorate");
      required(serviceArea, "serviceArea");
      required(changeType, "changeType");
      return new Proposal(id, title, leadDirectorate, serviceArea, changeType, objectives, outcomes,
          annualValue, termMonths, startDate, reductionPercent, affectedDirectorates, fundingSources,
          clientGroups, partners, deliveryOptions, commissionerManagesInHouseProvider, consulted,
          consultedDirectorates, risksAssessed, paymentModel, provider, eligibilityChange, staffing,
          wards, eia, serviceReviewedOn, socialValueConsidered, contractMonitoring, stage, origin, local);
    }

    private static void required(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required: call " + name + "(...) before build()");
      }
    }
  }
}

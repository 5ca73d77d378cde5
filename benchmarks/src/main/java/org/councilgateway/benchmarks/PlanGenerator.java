package org.councilgateway.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.CompletedEia;
import org.councilgateway.model.Consultee;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.model.EiaRecord;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.FundingType;
import org.councilgateway.model.PaymentModel;
import org.councilgateway.model.Performance;
import org.councilgateway.Plan;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;
import org.councilgateway.model.Sector;
import org.councilgateway.model.Staffing;

/**
 * Generates forward plans of any size in which each proposal has about the same number of real
 * matches across the plan: start dates, providers and reduction percentages are spread in
 * proportion to the plan's size, so the matches grow with the plan, not with its square.
 */
public final class PlanGenerator {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final String[] AREAS = {"LEISURE", "COMMUNITY_SAFETY", "TRANSPORT", "REGENERATION", "YOUTH_PROVISION",
      "PUBLIC_HEALTH", "FOSTER_CARE", "PAYROLL", "PROFESSIONAL_ADVICE", "TECHNICAL_SERVICES", "CHILDREN_PLACEMENTS",
      "LEAVING_CARE", "ADULT_SOCIAL_CARE", "DOMICILIARY_CARE", "RESIDENTIAL_CARE", "CARERS_SUPPORT", "MENTAL_HEALTH",
      "LEARNING_DISABILITY", "SUBSTANCE_MISUSE", "SEXUAL_HEALTH", "ADVOCACY", "EMPLOYMENT_SUPPORT", "SCHOOL_SERVICES",
      "HOUSING_SUPPORT", "WASTE", "HIGHWAYS", "ICT", "FACILITIES"};
  private static final String[] LEADS = {"PEOPLE", "PLACES", "POLICY_AND_RESOURCES"};
  private static final String[] GROUPS = {"OLDER_PEOPLE", "CHILDREN_AND_YOUNG_PEOPLE", "CARE_LEAVERS",
      "LEARNING_DISABILITY", "MENTAL_HEALTH", "CARERS", "FAMILIES", "GENERAL_PUBLIC", "COUNCIL_STAFF"};
  private static final String[] PARTNERS = {"CCG", "NHS", "POLICE_AND_CRIME_COMMISSIONER", "DISTRICT_COUNCILS", "PROBATION"};

  private PlanGenerator() {}

  /**
   * Generates a plan.
   *
   * @param size how many proposals
   * @param seed the random seed; the same seed gives the same plan
   * @return the plan
   */
  public static Plan generate(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // About 4 proposals start in any one month, whatever the size, so each has a few overlaps;
    // each provider is named on about 3 proposals, and each reduction percentage on about 10.
    int months = Math.max(12, size / 4);
    int providers = Math.max(1, size / 3);
    int percents = Math.max(1, size / 60);
    List<Proposal> proposals = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ChangeType change = ChangeType.values()[random.nextInt(ChangeType.values().length)];
      String area = AREAS[random.nextInt(AREAS.length)];
      List<String> groups = List.of(GROUPS[random.nextInt(GROUPS.length)]);
      Proposal.Builder proposal = Proposal.builder().id(String.format("GEN-%07d", i)).title("Generated proposal " + i).leadDirectorate(LEADS[random.nextInt(LEADS.length)]).serviceArea(area).changeType(change)
          .objectives(random.nextInt(10) == 0 ? List.of() : List.of("Objective " + random.nextInt(20)))
          .outcomes(List.of("OUTCOME_" + random.nextInt(40)))
          .annualValue((long) random.nextInt(1_000_000))
          .termMonths(12 * (1 + random.nextInt(5)))
          .startDate(AS_OF.plusMonths(random.nextInt(months)).plusDays(random.nextInt(28)))
          .clientGroups(groups)
          .partners(random.nextInt(4) == 0 ? List.of(PARTNERS[random.nextInt(PARTNERS.length)]) : List.of())
          .fundingSources(random.nextInt(3) == 0
              ? List.of(new FundingSource(FundingType.PUBLIC_HEALTH_GRANT, LEADS[random.nextInt(LEADS.length)], 50_000L))
              : List.of())
          .deliveryOptions(random.nextBoolean() ? List.of(DeliveryOption.OUTSOURCE, DeliveryOption.IN_HOUSE)
              : List.of(DeliveryOption.OUTSOURCE))
          .commissionerManagesInHouseProvider(random.nextInt(8) == 0)
          .consulted(random.nextBoolean() ? List.of(Consultee.SERVICE_USERS) : List.of())
          .risksAssessed(random.nextInt(5) != 0)
          .paymentModel(PaymentModel.values()[random.nextInt(PaymentModel.values().length)])
          .provider(new Provider("Provider " + random.nextInt(providers),
              random.nextBoolean() ? Sector.VCS : Sector.PRIVATE,
              random.nextInt(10) == 0 ? Performance.REQUIRES_IMPROVEMENT : Performance.GOOD, random.nextInt(3)))
          .eligibilityChange(random.nextInt(10) == 0)
          .staffing(new Staffing(random.nextInt(3), random.nextInt(3), 0, false))
          .wards(random.nextInt(3) == 0 ? List.of("Ward " + random.nextInt(30)) : List.of())
          .eia(new EiaRecord(random.nextBoolean()
              ? List.of(new CompletedEia(EiaKind.SERVICE, EiaLevel.SCREENING, AS_OF.minusMonths(random.nextInt(24))))
              : List.of(), random.nextBoolean()));
      if (change == ChangeType.REDUCE) {
        proposal.reductionPercent(BigDecimal.valueOf(100 + random.nextInt(percents), 2));
      }
      proposals.add(proposal.build());
    }
    return new Plan(AS_OF, proposals, List.of());
  }

  /**
   * Writes a generated plan as JSON, for the command-line measurements.
   *
   * @param args the size, the seed and the output file
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int size = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    write(generate(size, seed), out);
  }

  static void write(Plan plan, Path out) throws IOException {
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      writer.write("{\"asOf\": \"" + plan.asOf() + "\", \"proposals\": [\n");
      for (int i = 0; i < plan.proposals().size(); i++) {
        writer.write(ProposalJson.write(plan.proposals().get(i)));
        writer.write(i + 1 < plan.proposals().size() ? ",\n" : "\n");
      }
      writer.write("]}\n");
    }
  }
}

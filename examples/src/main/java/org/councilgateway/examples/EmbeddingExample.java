package org.councilgateway.examples;

import java.time.LocalDate;
import java.util.List;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.assessment.Finding;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.FundingType;
import org.councilgateway.Gateway;
import org.councilgateway.model.Proposal;

/**
 * How a case-management or forward-plan system embeds the gateway: build it once, then assess
 * proposals as they arrive, from any thread.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * Assesses one proposal with the bundled rules and prints the answer.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    Gateway gateway = Gateway.bundled();

    Proposal leisure = Proposal.builder().id("NL-2027-003").title("Leisure centres and physical activity").leadDirectorate("PLACES").serviceArea("LEISURE").changeType(ChangeType.RECOMMISSION)
        .objectives(List.of("Increase physical activity among the least active"))
        .outcomes(List.of("HEALTHIER_POPULATION"))
        .annualValue(2_100_000L)
        .fundingSources(List.of(new FundingSource(FundingType.COUNCIL_BUDGET, "PLACES", 1_500_000L),
            new FundingSource(FundingType.PUBLIC_HEALTH_GRANT, "PEOPLE", 600_000L)))
        .clientGroups(List.of("GENERAL_PUBLIC"))
        .deliveryOptions(List.of(DeliveryOption.OUTSOURCE, DeliveryOption.COUNCIL_COMPANY))
        .risksAssessed(true)
        .build();

    Assessment assessment = gateway.assess(leisure, LocalDate.of(2026, 11, 23));

    System.out.println(assessment.proposalId() + " is " + assessment.classification() + " and goes to "
        + assessment.route() + (assessment.keyDecision() ? " as a key decision." : "."));
    System.out.println("EIA: " + assessment.eia().level());
    for (Finding challenge : assessment.challenges()) {
      System.out.println("Challenge " + challenge.code() + ": " + challenge.message() + " (" + challenge.source() + ")");
    }
  }
}

package org.councilgateway.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.councilgateway.model.CompletedEia;
import org.councilgateway.model.FundingSource;
import org.councilgateway.model.Proposal;

/** Writes a proposal in the plan format, on one line. */
final class ProposalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProposalJson() {}

  static String write(Proposal p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", p.id()).put("title", p.title()).put("leadDirectorate", p.leadDirectorate())
        .put("serviceArea", p.serviceArea()).put("changeType", p.changeType().name());
    strings(node.putArray("objectives"), p.objectives());
    strings(node.putArray("outcomes"), p.outcomes());
    if (p.annualValue() != null) {
      node.put("annualValue", p.annualValue());
    }
    if (p.termMonths() != null) {
      node.put("termMonths", p.termMonths());
    }
    if (p.startDate() != null) {
      node.put("startDate", p.startDate().toString());
    }
    if (p.reductionPercent() != null) {
      node.put("reductionPercent", p.reductionPercent());
    }
    strings(node.putArray("affectedDirectorates"), p.affectedDirectorates());
    ArrayNode funding = node.putArray("fundingSources");
    for (FundingSource f : p.fundingSources()) {
      ObjectNode source = funding.addObject().put("source", f.source().name());
      if (f.directorate() != null) {
        source.put("directorate", f.directorate());
      }
      if (f.annualAmount() != null) {
        source.put("annualAmount", f.annualAmount());
      }
    }
    strings(node.putArray("clientGroups"), p.clientGroups());
    strings(node.putArray("partners"), p.partners());
    strings(node.putArray("deliveryOptions"), p.deliveryOptions().stream().map(Enum::name).toList());
    node.put("commissionerManagesInHouseProvider", p.commissionerManagesInHouseProvider());
    strings(node.putArray("consulted"), p.consulted().stream().map(Enum::name).toList());
    strings(node.putArray("consultedDirectorates"), p.consultedDirectorates());
    node.put("risksAssessed", p.risksAssessed());
    if (p.paymentModel() != null) {
      node.put("paymentModel", p.paymentModel().name());
    }
    if (p.provider() != null) {
      ObjectNode provider = node.putObject("provider").put("name", p.provider().name())
          .put("otherCouncilContracts", p.provider().otherCouncilContracts());
      if (p.provider().sector() != null) {
        provider.put("sector", p.provider().sector().name());
      }
      if (p.provider().performance() != null) {
        provider.put("performance", p.provider().performance().name());
      }
    }
    node.put("eligibilityChange", p.eligibilityChange());
    node.putObject("staffing").put("postsDeleted", p.staffing().postsDeleted()).put("postsCreated", p.staffing().postsCreated())
        .put("postsRedesignated", p.staffing().postsRedesignated()).put("tupeTransfer", p.staffing().tupeTransfer());
    strings(node.putArray("wards"), p.wards());
    ObjectNode eia = node.putObject("eia");
    ArrayNode completed = eia.putArray("completed");
    for (CompletedEia c : p.eia().completed()) {
      completed.addObject().put("kind", c.kind().name()).put("level", c.level().name()).put("on", c.on().toString());
    }
    eia.put("assessorTrainingCurrent", p.eia().assessorTrainingCurrent());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}

package org.councilgateway.internal.read;

import static org.councilgateway.internal.read.Values.absent;
import static org.councilgateway.internal.read.Values.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.councilgateway.InputError;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.facts.LocalField;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.LocalValues;
import org.councilgateway.model.ContractMonitoring;
import org.councilgateway.model.GateStage;
import org.councilgateway.model.MonitoringLevel;
import org.councilgateway.model.Origin;
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
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;
import org.councilgateway.model.Sector;
import org.councilgateway.model.Staffing;

/**
 * The proposal format: which fields a proposal and its nested objects (funding sources, provider,
 * staffing, EIA record) have, which are required, and what kind of value each holds. It is kept
 * apart from the plan, which only places proposals, and from {@link Fields}, which reads a kind of
 * value wherever it stands, so that a change to the format is made here and nowhere else.
 *
 * <p>One reader reads one proposal and keeps its errors, so the proposals of a long plan can be
 * read side by side and their errors gathered afterwards in plan order.
 */
final class ProposalReader {
  private static final Set<String> PROPOSAL_FIELDS = Set.of("id", "title", "leadDirectorate", "serviceArea",
      "changeType", "objectives", "outcomes", "annualValue", "termMonths", "startDate", "reductionPercent",
      "affectedDirectorates", "fundingSources", "clientGroups", "partners", "deliveryOptions",
      "commissionerManagesInHouseProvider", "consulted", "consultedDirectorates", "risksAssessed", "paymentModel",
      "provider", "eligibilityChange", "staffing", "wards", "eia", "serviceReviewedOn", "socialValueConsidered",
      "contractMonitoring", "stage", "origin", "local");
  private static final Set<String> PROVIDER_FIELDS = Set.of("name", "sector", "performance", "otherCouncilContracts");
  private static final Set<String> FUNDING_FIELDS = Set.of("source", "directorate", "annualAmount");
  private static final Set<String> STAFFING_FIELDS = Set.of("postsDeleted", "postsCreated", "postsRedesignated", "tupeTransfer");
  private static final Set<String> EIA_FIELDS = Set.of("completed", "assessorTrainingCurrent");
  private static final Set<String> COMPLETED_FIELDS = Set.of("kind", "level", "on");
  private static final Set<String> MONITORING_FIELDS = Set.of("owner", "level");

  private final Fields fields;
  private final Map<String, LocalField> localFields;
  private Proposal proposal;

  /**
   * @param index the proposal's place in the plan, by which errors are sorted
   * @param base the proposal's JSON pointer in the document
   * @param localFields the local fields the reference data declares, by name
   */
  ProposalReader(int index, String base, Map<String, LocalField> localFields) {
    this.fields = new Fields(index, base);
    this.localFields = localFields;
  }

  /**
   * @param index the proposal's place in the plan, by which errors are sorted
   * @param base the proposal's JSON pointer in the document
   * @param cells where its fields stand in a spreadsheet
   * @param localFields the local fields the reference data declares, by name
   */
  ProposalReader(int index, String base, Fields.Cells cells, Map<String, LocalField> localFields) {
    this.fields = new Fields(index, base, cells);
    this.localFields = localFields;
  }

  /** The proposal's id, once read, when it is a usable one: the plan checks ids are unique by it. */
  String id() {
    return fields.id();
  }

  /** @return the proposal, or null when any of its fields was refused */
  Proposal proposal() {
    return proposal;
  }

  List<InputError> errors() {
    return fields.errors();
  }

  /** Reports an error that only the plan can see, such as an id used twice. */
  void error(String path, String message) {
    fields.error(path, message);
  }

  /**
   * Reads a proposal from a spreadsheet row, whose reader refused some cells already: each is an
   * error (naming the proposal by its id when it has one) before any field is read, so that the
   * proposal is never built without them.
   *
   * @param node the row as a proposal
   * @param refused the message for each refused cell, by the path of its field
   */
  void read(JsonNode node, java.util.Map<String, String> refused) {
    JsonNode idNode = node.get("id");
    if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
      fields.identify(idNode.asText());
    }
    refused.forEach(fields::cellError);
    proposal = proposal(node);
  }

  /** Reads the proposal at {@code node}, which may be null or missing, keeping it and its errors. */
  void read(JsonNode node) {
    proposal = proposal(node);
  }

  private Proposal proposal(JsonNode node) {
    if (node == null || !node.isObject()) {
      fields.error("", "A proposal must be an object, but this is "
          + (node == null || node.isMissingNode() ? "missing" : show(node)) + ".");
      return null;
    }
    JsonNode idNode = node.get("id");
    if (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()) {
      fields.identify(idNode.asText());
    }
    fields.unknown(node, "", PROPOSAL_FIELDS, "proposal");
    String idValue = fields.requiredText(node, "", "id");
    String title = fields.requiredText(node, "", "title");
    String lead = fields.requiredText(node, "", "leadDirectorate");
    String area = fields.requiredText(node, "", "serviceArea");
    ChangeType change = fields.enumValue(node, "", "changeType", ChangeType.class, true);
    List<String> objectives = fields.texts(node, "objectives");
    List<String> outcomes = fields.texts(node, "outcomes");
    Long annualValue = fields.whole(node, "", "annualValue", Long.MAX_VALUE);
    Long termMonths = fields.whole(node, "", "termMonths", Integer.MAX_VALUE);
    LocalDate startDate = fields.date(node, "", "startDate", false);
    BigDecimal reduction = fields.percent(node, "", "reductionPercent");
    List<String> affected = fields.texts(node, "affectedDirectorates");
    List<FundingSource> funding = fields.objects(node, "fundingSources", this::fundingSource);
    List<String> clientGroups = fields.texts(node, "clientGroups");
    List<String> partners = fields.texts(node, "partners");
    List<DeliveryOption> options = fields.enums(node, "deliveryOptions", DeliveryOption.class);
    boolean manages = fields.bool(node, "", "commissionerManagesInHouseProvider");
    List<Consultee> consulted = fields.enums(node, "consulted", Consultee.class);
    List<String> consultedDirectorates = fields.texts(node, "consultedDirectorates");
    boolean risks = fields.bool(node, "", "risksAssessed");
    PaymentModel payment = fields.enumValue(node, "", "paymentModel", PaymentModel.class, false);
    Provider provider = fields.object(node, "", "provider", this::provider);
    boolean eligibility = fields.bool(node, "", "eligibilityChange");
    Staffing staffing = fields.object(node, "", "staffing", this::staffing);
    List<String> wards = fields.texts(node, "wards");
    EiaRecord eia = fields.object(node, "", "eia", this::eia);
    LocalDate reviewed = fields.date(node, "", "serviceReviewedOn", false);
    boolean socialValue = fields.bool(node, "", "socialValueConsidered");
    ContractMonitoring monitoring = fields.object(node, "", "contractMonitoring", this::contractMonitoring);
    GateStage stage = fields.enumValue(node, "", "stage", GateStage.class, false);
    Origin origin = fields.object(node, "", "origin", this::origin);
    LocalValues local = fields.object(node, "", "local", this::local);
    if (fields.hasErrors()) {
      return null;
    }
    return new Proposal(idValue, title, lead, area, change, objectives, outcomes, annualValue,
        termMonths == null ? null : termMonths.intValue(), startDate, reduction, affected, funding, clientGroups,
        partners, options, manages, consulted, consultedDirectorates, risks, payment, provider, eligibility,
        staffing, wards, eia, reviewed, socialValue, monitoring, stage, origin, local);
  }

  /**
   * Where the proposal came from: free keys, each a text or a list of texts (an explicit null leaves
   * the key out), carried unchanged into the output; anything else is an error at its key.
   */
  private Origin origin(JsonNode node, String path) {
    Origin.Builder origin = Origin.builder();
    for (var entries = node.fields(); entries.hasNext(); ) {
      var entry = entries.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = path + "/" + key.replace("~", "~0").replace("/", "~1");
      if (absent(value) || BoundedTree.fault(value) != null && fields.faulty(value, path, key)) {
        continue;
      }
      if (value.isTextual()) {
        origin.text(key, value.asText());
      } else if (value.isArray()) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          if (item.isTextual()) {
            texts.add(item.asText());
          } else {
            fields.error(at + "/" + i, "Each entry of origin's " + key + " must be a text, but this is " + show(item) + ".");
          }
        }
        origin.texts(key, texts);
      } else {
        fields.error(at, "origin's " + key + " must be a text or a list of texts, but was " + show(value) + ".");
      }
    }
    return origin.build();
  }

  /**
   * The council's own fields: each must be declared in the reference data's {@code localFields},
   * and is read as its declared type, by the same checks as the format's own fields.
   */
  private LocalValues local(JsonNode node, String path) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      LocalField declared = localFields.get(name);
      if (declared == null) {
        fields.error(path + "/" + name.replace("~", "~0").replace("/", "~1"), unknownLocal(name));
        continue;
      }
      Object value = switch (declared.type()) {
        case BOOLEAN -> absent(node.get(name)) ? null : fields.bool(node, path, name);
        case NUMBER -> fields.whole(node, path, name, Long.MAX_VALUE);
        case TEXT -> blankIsAbsent(fields.optionalAnyText(node, path, name));
        case DATE -> fields.date(node, path, name, false);
        case CODES -> fields.codes(node, path, name, declared.values());
      };
      if (value != null) {
        values.put(name, value);
      }
    }
    return new LocalValues(values);
  }

  private static String blankIsAbsent(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private String unknownLocal(String name) {
    if (localFields.isEmpty()) {
      return "Unknown local field \"" + name + "\": the reference data declares no local fields (localFields).";
    }
    String closest = org.councilgateway.internal.Names.closest(name, localFields.keySet());
    return "Unknown local field \"" + name + "\": the reference data's localFields does not declare it"
        + (closest == null ? "." : "; did you mean " + closest + "?")
        + " The local fields are " + String.join(", ", localFields.keySet()) + ".";
  }

  private ContractMonitoring contractMonitoring(JsonNode node, String path) {
    fields.unknown(node, path, MONITORING_FIELDS, "contractMonitoring");
    // An empty or blank owner is no owner (the contract monitoring challenge then asks for one), not an error.
    String owner = fields.optionalAnyText(node, path, "owner");
    MonitoringLevel level = fields.enumValue(node, path, "level", MonitoringLevel.class, false);
    return new ContractMonitoring(owner, level == null ? MonitoringLevel.LIGHT : level);
  }

  private FundingSource fundingSource(JsonNode node, String path) {
    fields.unknown(node, path, FUNDING_FIELDS, "funding source");
    FundingType source = fields.enumValue(node, path, "source", FundingType.class, true);
    String directorate = fields.optionalText(node, path, "directorate");
    Long amount = fields.whole(node, path, "annualAmount", Long.MAX_VALUE);
    return source == null ? null : new FundingSource(source, directorate, amount);
  }

  private Provider provider(JsonNode node, String path) {
    fields.unknown(node, path, PROVIDER_FIELDS, "provider");
    String name = fields.requiredText(node, path, "name");
    Sector sector = fields.enumValue(node, path, "sector", Sector.class, false);
    Performance performance = fields.enumValue(node, path, "performance", Performance.class, false);
    Long contracts = fields.whole(node, path, "otherCouncilContracts", Integer.MAX_VALUE);
    return name == null ? null : new Provider(name, sector, performance, contracts == null ? 0 : contracts.intValue());
  }

  private Staffing staffing(JsonNode node, String path) {
    fields.unknown(node, path, STAFFING_FIELDS, "staffing");
    Function<String, Integer> count = field -> {
      Long value = fields.whole(node, path, field, Integer.MAX_VALUE);
      return value == null ? 0 : value.intValue();
    };
    int deleted = count.apply("postsDeleted");
    int created = count.apply("postsCreated");
    int redesignated = count.apply("postsRedesignated");
    return new Staffing(deleted, created, redesignated, fields.bool(node, path, "tupeTransfer"));
  }

  private EiaRecord eia(JsonNode node, String path) {
    fields.unknown(node, path, EIA_FIELDS, "eia");
    List<CompletedEia> completed = new ArrayList<>();
    JsonNode list = fields.list(node, path, "completed");
    if (list != null) {
      // Not Fields.objects: a completed EIA that is not an object has a sentence of its own.
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        if (fields.faultyEntry(item, path, "completed", i)) {
          continue;
        }
        String itemPath = path + "/completed/" + i;
        if (!item.isObject()) {
          fields.error(itemPath, "Each completed EIA must be an object, but this is " + show(item) + ".");
          continue;
        }
        fields.unknown(item, itemPath, COMPLETED_FIELDS, "completed EIA");
        EiaKind kind = fields.enumValue(item, itemPath, "kind", EiaKind.class, true);
        EiaLevel level = completedLevel(item, itemPath);
        LocalDate on = fields.date(item, itemPath, "on", true);
        if (kind != null && level != null && on != null) {
          completed.add(new CompletedEia(kind, level, on));
        }
      }
    }
    return new EiaRecord(completed, fields.bool(node, path, "assessorTrainingCurrent"));
  }

  /** A completed EIA's level: an EIA that was done cannot have been done at level NONE. */
  private EiaLevel completedLevel(JsonNode item, String path) {
    JsonNode value = item.get("level");
    if (absent(value)) {
      fields.error(path + "/level", "level is required: one of SCREENING, FULL.");
      return null;
    }
    if (fields.faulty(value, path, "level")) {
      return null;
    }
    EiaLevel level = value.isTextual() ? Values.constant(EiaLevel.class, value.asText()) : null;
    if (level == null || level == EiaLevel.NONE) {
      fields.error(path + "/level", "level must be one of SCREENING, FULL, but was " + show(value) + ".");
      return null;
    }
    return level;
  }
}

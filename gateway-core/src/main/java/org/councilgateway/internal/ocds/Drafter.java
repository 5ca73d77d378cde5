package org.councilgateway.internal.ocds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Origin;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;

/**
 * Works out a draft proposal from the latest release of each contracting process, field by field
 * as docs/formats.md says, writing a sentence into the proposal's {@code origin.inferred} for each
 * field worked out rather than copied.
 */
final class Drafter {
  /** The service area of a notice nothing classifies: unknown to the reference data, so the gateway warns. */
  static final String UNCLASSIFIED = "UNCLASSIFIED";
  /** The lead directorate when neither the reference data nor the mapping gives one. */
  static final String UNASSIGNED = "UNASSIGNED";
  /** How long before a new contract's start an earlier one may end for the new one to be its recommissioning. */
  static final int RECOMMISSION_MONTHS = 12;

  private final Mapping mapping;
  private final Function<String, String> owners;

  /**
   * @param mapping the mapping
   * @param owners the owning directorate of a service area in the reference data, or null
   */
  Drafter(Mapping mapping, Function<String, String> owners) {
    this.mapping = mapping;
    this.owners = owners;
  }

  /** A notice with the fields worked out before the change type, which needs every notice's service area. */
  private record Draft(Notice notice, String serviceArea, List<String> inferred) {}

  /**
   * @param notices the latest release of each contracting process, in the order the proposals are to be
   * @return a proposal for each
   */
  List<Proposal> proposals(List<Notice> notices) {
    List<Draft> drafts = new ArrayList<>(notices.size());
    // Who ends what, by buyer and service area, for RECOMMISSION.
    Map<String, List<Draft>> byBuyerAndArea = new LinkedHashMap<>();
    for (Notice notice : notices) {
      List<String> inferred = new ArrayList<>();
      String area = serviceArea(notice, inferred);
      Draft draft = new Draft(notice, area, inferred);
      drafts.add(draft);
      if (notice.buyerKey() != null && !area.equals(UNCLASSIFIED)) {
        byBuyerAndArea.computeIfAbsent(notice.buyerKey() + "\u0000" + area, k -> new ArrayList<>()).add(draft);
      }
    }
    List<Proposal> proposals = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      List<Draft> peers = draft.notice().buyerKey() == null ? List.of()
          : byBuyerAndArea.getOrDefault(draft.notice().buyerKey() + "\u0000" + draft.serviceArea(), List.of());
      proposals.add(proposal(draft, peers));
    }
    return proposals;
  }

  private Proposal proposal(Draft draft, List<Draft> peers) {
    Notice notice = draft.notice();
    List<String> inferred = draft.inferred();
    String area = draft.serviceArea();
    String title = notice.title() == null ? notice.ocid() : notice.title().value();
    if (notice.title() == null) {
      inferred.add(0, "title " + notice.ocid() + ": the notice has no tender.title nor planning.project.title");
    }
    String lead = leadDirectorate(area, inferred);
    ChangeType change = changeType(notice, area, peers, inferred);
    Integer term = null;
    LocalDate start = null;
    Notice.Period period = notice.period();
    if (period != null) {
      start = period.start();
      if (period.durationInMonths() != null) {
        term = period.durationInMonths().intValue();
      } else {
        long months = ChronoUnit.MONTHS.between(period.start(), period.end().plusDays(1));
        if (months >= 0) {
          term = (int) months;
          inferred.add("termMonths " + term + " from " + period.from() + " " + period.start() + " to " + period.end());
        } else {
          inferred.add("termMonths left out: " + period.from() + " ends on " + period.end() + ", before it starts on "
              + period.start());
        }
      }
    }
    Long annualValue = annualValue(notice, term, inferred);
    Provider provider = null;
    if (notice.provider() != null) {
      provider = new Provider(notice.provider().name(), notice.provider().sector(), null, 0);
      inferred.add(notice.provider().why());
    }
    List<String> groups = clientGroups(title, notice.description(), inferred);
    Origin origin = Origin.builder().text("ocid", notice.ocid()).text("releaseId", notice.releaseId())
        .text("date", notice.date()).text("buyer", notice.buyer()).text("url", notice.url().get())
        .texts("inferred", inferred).build();
    return Proposal.builder().id(notice.ocid()).title(title).leadDirectorate(lead).serviceArea(area)
        .changeType(change).annualValue(annualValue).termMonths(term).startDate(start).provider(provider)
        .clientGroups(groups).origin(origin).build();
  }

  /** Keywords in the title, else a mapped CPV code, else keywords in the description, else UNCLASSIFIED. */
  private String serviceArea(Notice notice, List<String> inferred) {
    String title = notice.title() == null ? null : notice.title().value();
    String titleLower = lower(title);
    String description = notice.description();
    String descriptionLower = lower(description);
    for (Mapping.Rule rule : mapping.keywords()) {
      if (rule.phrase().foundIn(title, titleLower)) {
        inferred.add("serviceArea " + rule.code() + " from \"" + rule.phrase().text() + "\" in the title");
        return rule.code();
      }
    }
    for (String code : notice.cpv()) {
      Mapping.Cpv entry = mapping.cpvFor(code);
      if (entry != null) {
        inferred.add("serviceArea " + entry.serviceArea() + " from CPV " + code);
        return entry.serviceArea();
      }
    }
    for (Mapping.Rule rule : mapping.keywords()) {
      if (rule.phrase().foundIn(description, descriptionLower)) {
        inferred.add("serviceArea " + rule.code() + " from \"" + rule.phrase().text() + "\" in the description");
        return rule.code();
      }
    }
    inferred.add("serviceArea " + UNCLASSIFIED + ": no keyword of the mapping in the title or description, and no CPV "
        + "code it maps" + (notice.cpv().isEmpty() ? " (the notice has none)" : " (" + String.join(", ", notice.cpv()) + ")"));
    return UNCLASSIFIED;
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
  }

  private String leadDirectorate(String area, List<String> inferred) {
    String owner = owners.apply(area);
    if (owner != null) {
      inferred.add("leadDirectorate " + owner + ", the owner of " + area + " in the reference data");
      return owner;
    }
    if (mapping.defaultLeadDirectorate() != null) {
      inferred.add("leadDirectorate " + mapping.defaultLeadDirectorate() + ", the mapping's defaultLeadDirectorate, as "
          + area + " has no owner in the reference data");
      return mapping.defaultLeadDirectorate();
    }
    inferred.add("leadDirectorate " + UNASSIGNED + ": " + area + " has no owner in the reference data and the mapping "
        + "gives no defaultLeadDirectorate");
    return UNASSIGNED;
  }

  private static ChangeType changeType(Notice notice, String area, List<Draft> peers, List<String> inferred) {
    if (notice.terminatedContract() != null) {
      inferred.add("changeType DECOMMISSION: contract " + notice.terminatedContract() + " is terminated");
      return ChangeType.DECOMMISSION;
    }
    if (notice.tags().contains("contractTermination")) {
      inferred.add("changeType DECOMMISSION from the tag contractTermination");
      return ChangeType.DECOMMISSION;
    }
    for (String tag : List.of("contractAmendment", "tenderAmendment")) {
      if (notice.tags().contains(tag)) {
        inferred.add("changeType VARY from the tag " + tag);
        return ChangeType.VARY;
      }
    }
    LocalDate start = notice.period() == null ? null : notice.period().start();
    if (start != null) {
      for (Draft peer : peers) {
        Notice other = peer.notice();
        LocalDate end = other.period() == null ? null : other.period().lastDay();
        if (other != notice && !other.ocid().equals(notice.ocid()) && end != null && !end.isAfter(start)
            && !start.isAfter(end.plusMonths(RECOMMISSION_MONTHS))) {
          inferred.add("changeType RECOMMISSION: " + other.ocid() + " of the same buyer and service area (" + area
              + ") ends on " + end + ", no more than " + RECOMMISSION_MONTHS + " months before this starts on " + start);
          return ChangeType.RECOMMISSION;
        }
      }
    }
    inferred.add("changeType NEW: not terminated nor amended, and no contract of the same buyer and service area in "
        + "this import ends in the " + RECOMMISSION_MONTHS + " months before it starts");
    return ChangeType.NEW;
  }

  /** The first GBP amount above 0, spread over the term when it is 12 months or more, rounded half up. */
  private static Long annualValue(Notice notice, Integer term, List<String> inferred) {
    for (Notice.Amount amount : notice.values()) {
      if (!"GBP".equals(amount.currency()) || amount.amount().signum() <= 0) {
        continue;
      }
      BigDecimal annual;
      String how;
      if (term != null && term >= 12) {
        annual = amount.amount().multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(term), 0, RoundingMode.HALF_UP);
        how = " over " + term + " months";
      } else {
        annual = amount.amount().setScale(0, RoundingMode.HALF_UP);
        how = term == null ? " (no term, so not spread)" : " (a term under 12 months, so not spread)";
      }
      if (annual.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        inferred.add("annualValue left out: " + amount.from() + " " + amount.amount().toPlainString() + " GBP is too large");
        return null;
      }
      inferred.add("annualValue " + annual.toPlainString() + " from " + amount.from() + " "
          + amount.amount().stripTrailingZeros().toPlainString() + " GBP" + how);
      return annual.longValueExact();
    }
    inferred.add("annualValue left out: no amount above 0 in GBP in awards[0].value, tender.value or "
        + "planning.budget.amount");
    return null;
  }

  private List<String> clientGroups(String title, String description, List<String> inferred) {
    List<String> groups = new ArrayList<>();
    List<String> why = new ArrayList<>();
    String titleLower = lower(title);
    String descriptionLower = lower(description);
    for (Mapping.Rule rule : mapping.clientGroups()) {
      if (!groups.contains(rule.code()) && (rule.phrase().foundIn(title, titleLower)
          || rule.phrase().foundIn(description, descriptionLower))) {
        groups.add(rule.code());
        why.add(rule.code() + " (\"" + rule.phrase().text() + "\")");
      }
    }
    if (!groups.isEmpty()) {
      inferred.add("clientGroups " + String.join(", ", why) + " from the title or description");
    }
    return groups;
  }
}

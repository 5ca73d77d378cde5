package org.councilgateway.internal.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.model.Sector;

/**
 * What the importer keeps of one OCDS release: only the values the draft's fields are worked out
 * from, so that the release's tree is let go as soon as it is read and memory grows with the
 * releases kept, not with the files' size.
 *
 * @param ocid the contracting process's id
 * @param releaseId the release's id, or null
 * @param date the release's date as written, or null
 * @param when the release's date as an instant, for choosing the latest, or null when it has none
 * @param buyer the buyer's name, decoded and trimmed, or null
 * @param buyerKey the buyer as compared (name in lower case, else its id), or null
 * @param title the title and where it came from, or null
 * @param description tender.description (else planning's), decoded and trimmed, or null
 * @param cpv the CPV codes of tender.classification and tender.items[].classification, without check digits, in order
 * @param tags the release's tags
 * @param terminatedContract the id (or position) of a contract whose status is terminated, or null
 * @param values the candidates for the value, in the order the rules try them
 * @param period the contract period used for the term and start, or null
 * @param provider the first supplier of the first award, or null
 * @param url the package's {@code uri}, once known
 * @param order the release's place in the input, for ties
 */
record Notice(String ocid, String releaseId, String date, Instant when, String buyer, String buyerKey, Sourced title,
    String description, List<String> cpv, Set<String> tags, String terminatedContract, List<Amount> values,
    Period period, Supplier provider, PackageUri url, long order) {

  /** Identifier schemes (org-id.guide) whose organisations are public bodies. */
  static final Set<String> PUBLIC_SCHEMES = Set.of("GB-GOR", "GB-LAE", "GB-LAS", "GB-PLA", "GB-LANI", "GB-NHS",
      "GB-GOVUK");

  /** A value and where it came from. */
  record Sourced(String value, String from) {}

  /** An amount, its currency and where it came from. */
  record Amount(BigDecimal amount, String currency, String from) {}

  /** A contract period: its dates as written (date part) and its duration, and where it came from. */
  record Period(LocalDate start, LocalDate end, Long durationInMonths, String from) {
    /** @return the day the period ends, given or worked out from its start and duration, or null */
    LocalDate lastDay() {
      if (end != null) {
        return end;
      }
      return start != null && durationInMonths != null ? start.plusMonths(durationInMonths).minusDays(1) : null;
    }
  }

  /** A supplier: name decoded and trimmed, sector and why. */
  record Supplier(String name, Sector sector, String why) {}

  /** The {@code uri} of the package a release came from, set when the package gives it (before or after its releases). */
  static final class PackageUri {
    private String uri;

    void set(String value) {
      this.uri = value;
    }

    String get() {
      return uri;
    }
  }

  /**
   * Keeps what the draft needs of a release.
   *
   * @param release the release, an object
   * @param ocid its ocid (the release's own, else its record's)
   * @param url its package's uri
   * @param order its place in the input
   * @return the notice
   */
  static Notice of(JsonNode release, String ocid, PackageUri url, long order) {
    JsonNode tender = release.path("tender");
    JsonNode planning = release.path("planning");
    JsonNode award = release.path("awards").path(0);
    String date = text(release.get("date"));
    JsonNode buyerNode = release.path("buyer");
    String buyer = Entities.clean(text(buyerNode.get("name")));
    String buyerId = text(buyerNode.get("id"));
    String buyerKey = buyer != null ? buyerKey(buyer) : buyerId == null ? null : "id:" + buyerId;
    Sourced title = null;
    String tenderTitle = Entities.clean(text(tender.get("title")));
    String projectTitle = Entities.clean(text(planning.path("project").get("title")));
    if (tenderTitle != null) {
      title = new Sourced(tenderTitle, "tender.title");
    } else if (projectTitle != null) {
      title = new Sourced(projectTitle, "planning.project.title");
    }
    String description = Entities.clean(text(tender.get("description")));
    if (description == null) {
      description = Entities.clean(text(planning.path("project").get("description")));
    }
    List<String> cpv = new ArrayList<>();
    cpv(tender.get("classification"), cpv);
    for (JsonNode item : tender.path("items")) {
      cpv(item.get("classification"), cpv);
    }
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode tag : release.path("tag")) {
      if (tag.isTextual()) {
        tags.add(tag.asText());
      }
    }
    String terminated = null;
    JsonNode contracts = release.path("contracts");
    for (int i = 0; i < contracts.size(); i++) {
      JsonNode contract = contracts.get(i);
      if ("terminated".equals(text(contract.get("status")))) {
        String id = text(contract.get("id"));
        terminated = id != null ? id : "contracts[" + i + "]";
        break;
      }
    }
    List<Amount> values = new ArrayList<>();
    amount(award.get("value"), "awards[0].value", values);
    amount(tender.get("value"), "tender.value", values);
    amount(planning.path("budget").get("amount"), "planning.budget.amount", values);
    Period period = period(award.get("contractPeriod"), "awards[0].contractPeriod");
    if (period == null) {
      period = period(tender.get("contractPeriod"), "tender.contractPeriod");
    }
    return new Notice(ocid, text(release.get("id")), date, instant(date), buyer, buyerKey, title, description,
        List.copyOf(cpv), tags, terminated, List.copyOf(values), period, supplier(release, award), url, order);
  }

  /** A buyer's name as compared: entities decoded, surrounding spaces trimmed, case ignored. */
  static String buyerKey(String name) {
    String clean = Entities.clean(name);
    return clean == null ? "" : clean.toLowerCase(Locale.ROOT);
  }

  private static void cpv(JsonNode classification, List<String> into) {
    if (classification == null || !classification.isObject()) {
      return;
    }
    String scheme = text(classification.get("scheme"));
    JsonNode idNode = classification.get("id");
    String id = idNode != null && idNode.isNumber() && BoundedTree.fault(idNode) == null ? idNode.asText() : text(idNode);
    if (scheme == null || !scheme.strip().equalsIgnoreCase("CPV") || id == null) {
      return;
    }
    String code = id.strip();
    int dash = code.indexOf('-');
    if (dash >= 0) {
      // The check digit ("45233140-2") is not part of the code.
      code = code.substring(0, dash);
    }
    if (code.matches("[0-9]{2,8}")) {
      into.add(code);
    }
  }

  private static void amount(JsonNode value, String from, List<Amount> into) {
    if (value == null || !value.isObject()) {
      return;
    }
    JsonNode amount = value.get("amount");
    if (amount == null || !amount.isNumber() || BoundedTree.fault(amount) != null) {
      return;
    }
    into.add(new Amount(amount.decimalValue(), text(value.get("currency")), from));
  }

  private static Period period(JsonNode node, String from) {
    if (node == null || !node.isObject()) {
      return null;
    }
    LocalDate start = datePart(text(node.get("startDate")));
    LocalDate end = datePart(text(node.get("endDate")));
    Long duration = null;
    JsonNode months = node.get("durationInMonths");
    if (months != null && months.isNumber() && BoundedTree.fault(months) == null) {
      BigDecimal number = months.decimalValue();
      if (number.signum() >= 0 && number.stripTrailingZeros().scale() <= 0
          && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        duration = number.longValueExact();
      }
    }
    if (duration == null && (start == null || end == null)) {
      return null;
    }
    return new Period(start, end, duration, from);
  }

  private static Supplier supplier(JsonNode release, JsonNode award) {
    JsonNode supplier = award.path("suppliers").path(0);
    if (!supplier.isObject()) {
      return null;
    }
    String id = idText(supplier.get("id"));
    JsonNode party = null;
    if (id != null) {
      for (JsonNode candidate : release.path("parties")) {
        if (id.equals(idText(candidate.get("id")))) {
          party = candidate;
          break;
        }
      }
    }
    String name = Entities.clean(text(supplier.get("name")));
    if (name == null && party != null) {
      name = Entities.clean(text(party.get("name")));
    }
    if (name == null) {
      return null;
    }
    if (party == null) {
      return new Supplier(name, Sector.PRIVATE, "provider sector PRIVATE: the supplier is not among the parties, so "
          + "nothing marks it voluntary or public");
    }
    if (party.path("vco").asBoolean(false) && party.path("vco").isBoolean()) {
      return new Supplier(name, Sector.VCS, "provider sector VCS: the supplier is marked vco");
    }
    if (party.path("details").path("vcse").isBoolean() && party.path("details").path("vcse").asBoolean()) {
      return new Supplier(name, Sector.VCS, "provider sector VCS: the supplier is marked details.vcse");
    }
    JsonNode mission = party.path("details").path("publicServiceMissionOrganization");
    if (mission.isBoolean() && mission.asBoolean()) {
      return new Supplier(name, Sector.PUBLIC, "provider sector PUBLIC: the supplier is marked "
          + "details.publicServiceMissionOrganization");
    }
    String scheme = text(party.path("identifier").get("scheme"));
    if (scheme != null && PUBLIC_SCHEMES.contains(scheme.strip().toUpperCase(Locale.ROOT))) {
      return new Supplier(name, Sector.PUBLIC, "provider sector PUBLIC: the supplier's identifier scheme " + scheme.strip()
          + " is for public bodies");
    }
    return new Supplier(name, Sector.PRIVATE, "provider sector PRIVATE: nothing marks the supplier voluntary or public");
  }

  private static String idText(JsonNode id) {
    if (id == null || BoundedTree.fault(id) != null) {
      return null;
    }
    return id.isTextual() || id.isNumber() ? id.asText() : null;
  }

  /** @return the text a node holds, or null when it is absent or not a text */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /**
   * The date part of a date-time as written: {@code 2025-04-23T23:59:59+01:00} is 2025-04-23.
   *
   * @param text the date-time, or null
   * @return its date, or null when it does not begin with one
   */
  static LocalDate datePart(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.length() < 10 || !trimmed.substring(0, 10).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")
        || trimmed.length() > 10 && trimmed.charAt(10) != 'T' && trimmed.charAt(10) != 't' && trimmed.charAt(10) != ' ') {
      return null;
    }
    try {
      return LocalDate.parse(trimmed.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A release's date as an instant, to find the latest: with its offset, else as UTC.
   *
   * @param text the date, or null
   * @return the instant, or null when it is not a date
   */
  static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    try {
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException e) {
      // Not a date-time with an offset; try without.
    }
    try {
      return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // Nor one without.
    }
    LocalDate day = datePart(trimmed);
    return day == null || trimmed.length() != 10 ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}

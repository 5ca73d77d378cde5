package org.councilgateway.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Seeded random forward plans, written as JSON text as a user would give them. Codes are drawn from
 * the bundled reference data, with some unknown ones; providers and reduction percentages are
 * shared between proposals so that the plan rules have something to find; and some proposals are
 * broken on purpose. The generator remembers which, so a test can check that every proposal is
 * either assessed or listed under errors.
 *
 * <p>The same seed gives the same plan: {@code RandomPlans.generate(seed).json()} reproduces a
 * failure.
 */
final class RandomPlans {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  static final ReferenceCodes CODES = ReferenceCodes.bundled();
  private static final List<String> CHANGE_TYPES =
      List.of("NEW", "RECOMMISSION", "EXTEND", "VARY", "REDUCE", "DECOMMISSION");
  private static final List<String> FUNDING = List.of("COUNCIL_BUDGET", "PUBLIC_HEALTH_GRANT", "NHS", "POLICE", "EXTERNAL_GRANT");
  private static final List<String> DELIVERY = List.of("IN_HOUSE", "OUTSOURCE", "JOINT_VENTURE", "COUNCIL_COMPANY", "GRANT",
      "SOCIAL_ENTERPRISE", "STAFF_MUTUAL", "PARTNERSHIP");
  private static final List<String> CONSULTEES = List.of("SERVICE_USERS", "PROVIDERS", "WARD_MEMBERS", "STAFF", "PARTNERS");
  private static final List<String> PAYMENT = List.of("BLOCK", "SPOT", "VOLUME", "OUTCOME_BASED", "PAYMENT_BY_RESULTS", "GRANT");
  private static final List<String> SECTORS = List.of("PRIVATE", "VCS", "PUBLIC", "IN_HOUSE");
  private static final List<String> PERFORMANCE = List.of("GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "UNRATED");
  private static final List<String> OUTCOMES = List.of("HEALTHIER_POPULATION", "SAFER_STREETS", "INDEPENDENT_LIVING",
      "Fewer people in crisis");
  /** Equal as numbers, written differently: BLANKET_REDUCTION compares them as numbers. */
  private static final List<String> PERCENTS = List.of("10", "10.0", "1E+1", "10.00", "5", "12.5", "25");
  private static final List<String> PROVIDER_NAMES = List.of("Active Lincs Trust", "Care Partners Ltd",
      "Åsa Café Community Interest Company", "Youth Works", "Hope & Co \"North\"", "Provider 7");
  private static final List<String> UNKNOWN_DIRECTORATES = List.of("HOUSING", "people");
  private static final List<String> UNKNOWN_AREAS = List.of("LIBRARIES", "leisure");
  private static final List<String> UNKNOWN_GROUPS = List.of("VETERANS", "TRAVELLERS");
  private static final List<String> UNKNOWN_PARTNERS = List.of("FIRE_SERVICE", "ccg");

  private RandomPlans() {}

  /**
   * One entry of the {@code proposals} list.
   *
   * @param json the entry as JSON text
   * @param id the id the reader will see (a non-blank text), or null when it has none
   * @param broken whether the generator made the entry invalid on purpose
   */
  record Entry(String json, String id, boolean broken) {}

  /**
   * A generated plan.
   *
   * @param seed the seed it was generated from
   * @param entries the entries of its {@code proposals} list, in order
   */
  record GeneratedPlan(long seed, List<Entry> entries) {
    GeneratedPlan {
      entries = List.copyOf(entries);
    }

    /** The plan document. */
    String json() {
      StringBuilder text = new StringBuilder("{\"asOf\": \"").append(AS_OF).append("\", \"proposals\": [\n");
      for (int i = 0; i < entries.size(); i++) {
        text.append("  ").append(entries.get(i).json()).append(i + 1 < entries.size() ? ",\n" : "\n");
      }
      return text.append("]}\n").toString();
    }

    /** Whether two entries have the same id (so that the later one is an error and order matters). */
    boolean hasRepeatedIds() {
      Set<String> seen = new HashSet<>();
      return entries.stream().map(Entry::id).filter(id -> id != null).anyMatch(id -> !seen.add(id));
    }

    /** The indexes the reader must list under errors: the broken entries and later uses of an id. */
    Set<Integer> invalidIndexes() {
      Set<Integer> invalid = new TreeSet<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        boolean repeat = entry.id() != null && !seen.add(entry.id());
        if (entry.broken() || repeat) {
          invalid.add(i);
        }
      }
      return invalid;
    }

    /** The ids of the proposals the gateway must assess, in input order. */
    List<String> assessableIds() {
      Set<Integer> invalid = invalidIndexes();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        if (!invalid.contains(i)) {
          ids.add(entries.get(i).id());
        }
      }
      return ids;
    }

    /**
     * The same plan with its entries reordered.
     *
     * @param order for each new position, the old position it takes its entry from
     * @return the reordered plan
     */
    GeneratedPlan permuted(int[] order) {
      List<Entry> reordered = new ArrayList<>(entries.size());
      for (int from : order) {
        reordered.add(entries.get(from));
      }
      return new GeneratedPlan(seed, reordered);
    }
  }

  /**
   * Generates a plan of 1 to 30 entries, or now and then (one in 25) of 129 to 400, more than one
   * batch of the gateway's first stage, so that findings across batches are checked too.
   *
   * @param seed the seed
   * @return the plan
   */
  static GeneratedPlan generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = random.nextInt(25) == 0 ? 129 + random.nextInt(272) : 1 + random.nextInt(30);
    boolean repeatIds = random.nextInt(6) == 0;
    List<String> providers = new ArrayList<>(PROVIDER_NAMES.subList(0, 1 + random.nextInt(PROVIDER_NAMES.size())));
    // Ids whose sorted order is not the input order, so that sorting shows in the output.
    int offset = random.nextInt(900);
    List<Entry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String id = "P-" + (offset + (i * 37 + 11) % 1000);
      if (repeatIds && i > 0 && random.nextInt(4) == 0) {
        id = entries.get(random.nextInt(i)).id();
        if (id == null) {
          id = "P-" + offset;
        }
      }
      ObjectNode proposal = proposal(random, id, providers);
      entries.add(random.nextInt(8) == 0 ? broken(random, proposal, id) : new Entry(write(proposal), id, false));
    }
    return new GeneratedPlan(seed, entries);
  }

  private static ObjectNode proposal(SplittableRandom random, String id, List<String> providers) {
    ObjectNode p = NODES.objectNode();
    String change = pick(random, CHANGE_TYPES);
    p.put("id", id);
    p.put("title", random.nextInt(10) == 0 ? "Réablement — \"step-down\" beds 🛏" : "Proposal " + id);
    p.put("leadDirectorate", code(random, CODES.directorates(), UNKNOWN_DIRECTORATES));
    p.put("serviceArea", code(random, CODES.serviceAreas(), UNKNOWN_AREAS));
    p.put("changeType", change);
    maybe(random, 8, () -> p.set("objectives", texts(random, List.of("Reduce waiting times", "Save money", "Join up care"), 2)));
    maybe(random, 6, () -> p.set("outcomes", texts(random, OUTCOMES, 2)));
    maybe(random, 3, () -> p.put("annualValue", pick(random, List.of(0L, 350_000L, 350_001L, 2_100_000L,
        (long) random.nextInt(1_000_000)))));
    maybe(random, 3, () -> p.put("termMonths", pick(random, List.of(0, 12, 36, 60, 84))));
    maybe(random, 8, () -> p.put("startDate", startDate(random).toString()));
    if (change.equals("REDUCE") ? random.nextInt(5) != 0 : random.nextInt(12) == 0) {
      p.put("reductionPercent", new BigDecimal(pick(random, PERCENTS)));
    }
    maybe(random, 3, () -> p.set("affectedDirectorates", texts(random, with(CODES.directorates(), UNKNOWN_DIRECTORATES), 2)));
    maybe(random, 3, () -> p.set("fundingSources", fundingSources(random)));
    maybe(random, 7, () -> p.set("clientGroups", texts(random, with(CODES.clientGroups(), UNKNOWN_GROUPS), 3)));
    maybe(random, 3, () -> p.set("partners", texts(random, with(CODES.partners(), UNKNOWN_PARTNERS), 2)));
    maybe(random, 6, () -> p.set("deliveryOptions", texts(random, DELIVERY, 3)));
    maybe(random, 4, () -> p.put("commissionerManagesInHouseProvider", random.nextBoolean()));
    maybe(random, 6, () -> p.set("consulted", texts(random, CONSULTEES, 3)));
    maybe(random, 4, () -> p.set("consultedDirectorates", texts(random, with(CODES.directorates(), UNKNOWN_DIRECTORATES), 2)));
    maybe(random, 6, () -> p.put("risksAssessed", random.nextBoolean()));
    maybe(random, 5, () -> p.put("paymentModel", pick(random, PAYMENT)));
    maybe(random, 8, () -> p.set("provider", provider(random, providers)));
    maybe(random, 3, () -> p.put("eligibilityChange", random.nextInt(4) == 0));
    maybe(random, 4, () -> p.set("staffing", staffing(random)));
    maybe(random, 3, () -> p.set("wards", texts(random, List.of("Ashby", "Brigg", "Crosby", "Ashby"), 3)));
    maybe(random, 5, () -> p.set("eia", eia(random)));
    if (random.nextInt(10) == 0) {
      // Explicit nulls are the same as absent.
      p.putNull(pick(random, List.of("objectives", "annualValue", "provider", "staffing", "eia", "risksAssessed")));
    }
    return p;
  }

  /** Breaks a proposal in one of the ways a user might, keeping its id unless the break is the id. */
  private static Entry broken(SplittableRandom random, ObjectNode p, String id) {
    switch (random.nextInt(14)) {
      case 0 -> p.remove("title");
      case 1 -> p.put("changeType", "reduce");
      case 2 -> p.put("annualValue", -5);
      case 3 -> p.put("reductionPercent", random.nextBoolean() ? 0 : 150);
      case 4 -> p.put("startDate", "2026-02-30");
      case 5 -> p.put("colour", "blue");
      case 6 -> p.set("provider", NODES.objectNode().put("sector", "VCS"));
      case 7 -> p.set("clientGroups", NODES.arrayNode().add("OLDER_PEOPLE").add(7));
      case 8 -> {
        p.remove("id");
        return new Entry(write(p), null, true);
      }
      case 9 -> {
        p.put("id", "   ");
        return new Entry(write(p), null, true);
      }
      case 10 -> {
        return new Entry(pick(random, List.of("42", "null", "\"a proposal\"", "[]", "true")), null, true);
      }
      case 11 -> p.set("eia", NODES.objectNode().set("completed",
          NODES.arrayNode().add(NODES.objectNode().put("kind", "SERVICE").put("level", "FULL"))));
      case 12 -> p.set("fundingSources", NODES.arrayNode().add(NODES.objectNode().put("source", "LOTTERY")));
      default -> p.set("staffing", NODES.objectNode().put("postsDeleted", new BigDecimal("1.5")));
    }
    return new Entry(write(p), id, true);
  }

  private static LocalDate startDate(SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      // Month ends, where plusMonths clamps the day.
      return pick(random, List.of(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29),
          LocalDate.of(2026, 8, 31), LocalDate.of(2027, 8, 31)));
    }
    return AS_OF.plusMonths(random.nextInt(-6, 30)).withDayOfMonth(1 + random.nextInt(28));
  }

  private static ArrayNode fundingSources(SplittableRandom random) {
    ArrayNode list = NODES.arrayNode();
    for (int i = random.nextInt(3); i >= 0; i--) {
      ObjectNode source = list.addObject().put("source", pick(random, FUNDING));
      if (random.nextInt(4) != 0) {
        source.put("directorate", code(random, CODES.directorates(), UNKNOWN_DIRECTORATES));
      }
      if (random.nextBoolean()) {
        source.put("annualAmount", random.nextInt(500_000));
      }
    }
    return list;
  }

  private static ObjectNode provider(SplittableRandom random, List<String> names) {
    ObjectNode provider = NODES.objectNode().put("name", pick(random, names));
    maybe(random, 5, () -> provider.put("sector", pick(random, SECTORS)));
    maybe(random, 5, () -> provider.put("performance", pick(random, PERFORMANCE)));
    maybe(random, 2, () -> provider.put("otherCouncilContracts", random.nextInt(3)));
    return provider;
  }

  private static ObjectNode staffing(SplittableRandom random) {
    ObjectNode staffing = NODES.objectNode();
    maybe(random, 2, () -> staffing.put("postsDeleted", random.nextInt(4)));
    maybe(random, 2, () -> staffing.put("postsCreated", random.nextInt(4)));
    maybe(random, 2, () -> staffing.put("postsRedesignated", random.nextInt(3)));
    maybe(random, 2, () -> staffing.put("tupeTransfer", random.nextBoolean()));
    return staffing;
  }

  private static ObjectNode eia(SplittableRandom random) {
    ObjectNode eia = NODES.objectNode();
    ArrayNode completed = eia.putArray("completed");
    for (int i = random.nextInt(3); i > 0; i--) {
      // From two years before the assessment date to a few months after it (ignored, and warned about).
      completed.addObject()
          .put("kind", random.nextBoolean() ? "SERVICE" : "STAFFING")
          .put("level", random.nextBoolean() ? "SCREENING" : "FULL")
          .put("on", AS_OF.minusMonths(random.nextInt(-3, 25)).minusDays(random.nextInt(3)).toString());
    }
    maybe(random, 2, () -> eia.put("assessorTrainingCurrent", random.nextBoolean()));
    return eia;
  }

  private static ArrayNode texts(SplittableRandom random, List<String> from, int most) {
    ArrayNode list = NODES.arrayNode();
    for (int i = random.nextInt(most + 1); i > 0; i--) {
      list.add(pick(random, from)); // repeats allowed: lists are sets
    }
    return list;
  }

  private static String code(SplittableRandom random, List<String> known, List<String> unknown) {
    return random.nextInt(12) == 0 ? pick(random, unknown) : pick(random, known);
  }

  private static List<String> with(List<String> known, List<String> unknown) {
    List<String> all = new ArrayList<>(known);
    all.addAll(unknown);
    return all;
  }

  private static void maybe(SplittableRandom random, int outOf, Runnable action) {
    if (random.nextInt(outOf) != 0) {
      action.run();
    }
  }

  private static <T> T pick(SplittableRandom random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled reference data, read from the file the rules read.
   *
   * @param directorates the directorate codes
   * @param serviceAreas the service area codes
   * @param owners each service area's owning directorate
   * @param councilWide the service areas council-wide by nature
   * @param interdependencies each service area's interdependent service areas
   * @param clientGroups the client group codes
   * @param partners the partner commissioner codes
   * @param settings the local policy numbers, by name
   */
  record ReferenceCodes(List<String> directorates, List<String> serviceAreas, Map<String, String> owners,
      Set<String> councilWide, Map<String, List<String>> interdependencies, List<String> clientGroups,
      List<String> partners, Map<String, Integer> settings) {

    static ReferenceCodes bundled() {
      try (InputStream in = RandomPlans.class.getResourceAsStream("/org/councilgateway/rules/reference-data.yaml")) {
        JsonNode data = new YAMLMapper().readTree(in);
        Function<JsonNode, List<String>> codes = list -> {
          List<String> values = new ArrayList<>();
          list.forEach(item -> values.add(item.isObject() ? item.get("code").asText() : item.asText()));
          return List.copyOf(values);
        };
        Map<String, String> owners = new HashMap<>();
        Set<String> councilWide = new HashSet<>();
        data.get("serviceAreas").forEach(area -> {
          owners.put(area.get("code").asText(), area.get("owner").asText());
          if (area.get("scope").asText().equals("COUNCIL_WIDE")) {
            councilWide.add(area.get("code").asText());
          }
        });
        Map<String, List<String>> interdependencies = new HashMap<>();
        data.get("interdependencies").forEach(link -> interdependencies
            .computeIfAbsent(link.get("from").asText(), k -> new ArrayList<>()).add(link.get("to").asText()));
        Map<String, Integer> settings = new HashMap<>();
        data.get("settings").properties().forEach(setting -> settings.put(setting.getKey(), setting.getValue().asInt()));
        return new ReferenceCodes(codes.apply(data.get("directorates")), codes.apply(data.get("serviceAreas")), owners,
            councilWide, interdependencies, codes.apply(data.get("clientGroups")),
            codes.apply(data.get("partnerCommissioners")), settings);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

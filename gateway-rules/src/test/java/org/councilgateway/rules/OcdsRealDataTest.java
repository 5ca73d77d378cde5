package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilgateway.Gateway;
import org.councilgateway.OcdsImport;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Sector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The importer on 100 real release packages from Contracts Finder (2019-2020) that no one on the
 * team wrote: every release becomes a proposal or is named as skipped, a handful are checked field
 * by field against docs/formats.md, and the gateway assesses the draft.
 */
class OcdsRealDataTest {
  private static final Path DATA = Path.of("../examples/src/test/resources/ocds/contracts-finder-2020");
  private static final String PREFIX = "ocds-b5fd17raw-";
  private static List<Path> files;
  private static OcdsImport.Result result;
  private static Map<String, Proposal> byId;

  @BeforeAll
  static void importAll() throws IOException {
    try (Stream<Path> listed = Files.list(DATA)) {
      files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    result = OcdsImport.builder().build().run(files);
    byId = result.draft().proposals().stream().collect(Collectors.toMap(Proposal::id, Function.identity()));
  }

  private static Proposal proposal(String ocidStart) {
    return byId.entrySet().stream().filter(e -> e.getKey().startsWith(PREFIX + ocidStart)).map(Map.Entry::getValue)
        .findFirst().orElseThrow();
  }

  @Test
  void everyReleaseInTheHundredFiles_isImportedOrNamedAsSkipped_nothingLost() throws IOException {
    // Counted here with a plain parser, apart from the importer.
    ObjectMapper json = new ObjectMapper();
    int releases = 0;
    java.util.Set<String> ocids = new java.util.HashSet<>();
    for (Path file : files) {
      for (JsonNode release : json.readTree(file.toFile()).get("releases")) {
        releases++;
        ocids.add(release.get("ocid").asText());
      }
    }

    assertThat(files).hasSize(100);
    assertThat(result.unusable()).isEmpty();
    assertThat(result.usableFiles()).isEqualTo(100);
    assertThat(result.releases()).isEqualTo(releases);
    assertThat(result.draft().proposals().size() + result.skipped().size() + result.superseded()).isEqualTo(releases);
    assertThat(result.draft().proposals()).extracting(Proposal::id).containsExactlyInAnyOrderElementsOf(ocids);
    assertThat(result.skipped()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void carersService_keywordInTheTitle_valueSpreadOverThreeYears() {
    Proposal p = proposal("02d2b5b1");

    assertThat(p.title()).isEqualTo("All Age Carers Service");
    assertThat(p.serviceArea()).isEqualTo("CARERS_SUPPORT");
    assertThat(p.leadDirectorate()).isEqualTo("PEOPLE");
    assertThat(p.changeType()).isEqualTo(ChangeType.NEW);
    assertThat(p.termMonths()).isEqualTo(36);
    assertThat(p.startDate()).isEqualTo(LocalDate.of(2020, 8, 1));
    // 5,806,276 over 36 months: 1,935,425.33 a year.
    assertThat(p.annualValue()).isEqualTo(1_935_425L);
    assertThat(p.provider().name()).isEqualTo("Making Space");
    assertThat(p.provider().sector()).isEqualTo(Sector.PRIVATE);
    assertThat(p.clientGroups()).contains("CARERS");
    assertThat(p.origin().text("buyer")).isEqualTo("Peterborough City Council");
    assertThat(p.origin().text("url")).startsWith("https://www.contractsfinder.service.gov.uk/Published/Notice/releases/");
    assertThat(p.origin().texts("inferred")).contains("serviceArea CARERS_SUPPORT from \"carers\" in the title",
        "annualValue 1935425 from awards[0].value 5806276 GBP over 36 months");
    assertThat(p.objectives()).isEmpty();
    assertThat(p.consulted()).isEmpty();
    assertThat(p.risksAssessed()).isFalse();
  }

  @Test
  void roadRepairs_entitiesDecoded_highwaysFromItsCpvCode() {
    Proposal p = proposal("7b8f13f5");

    assertThat(p.title()).isEqualTo("Spray Injection Patching & Heated \"In Situ\" Road Repairs");
    assertThat(p.serviceArea()).isEqualTo("HIGHWAYS");
    assertThat(p.origin().texts("inferred")).contains("serviceArea HIGHWAYS from CPV 45233000");
    assertThat(p.leadDirectorate()).isEqualTo("PLACES");
    assertThat(p.termMonths()).isEqualTo(48);
    assertThat(p.annualValue()).isEqualTo(500_000L);
    assertThat(p.origin().text("buyer")).isEqualTo("Lancashire County Council");
  }

  @Test
  void childrensPlacements_apostropheDecoded_fosteringFoundInTheDescription_zeroTenderValuePassedOver() {
    Proposal p = proposal("57d308c3");

    assertThat(p.title()).isEqualTo("Cambridgeshire County Council Children's External Placements Dynamic Purchasing "
        + "System (DPS)");
    assertThat(p.serviceArea()).isEqualTo("FOSTER_CARE");
    assertThat(p.origin().texts("inferred")).contains("serviceArea FOSTER_CARE from \"foster*\" in the description");
    assertThat(p.termMonths()).isEqualTo(60);
    // 470,184,791 over 60 months: 94,036,958.2 a year.
    assertThat(p.annualValue()).isEqualTo(94_036_958L);
    assertThat(p.clientGroups()).contains("CHILDREN_AND_YOUNG_PEOPLE");
  }

  @Test
  void zeroAwardValues_fallToTheTenderValue_orLeaveTheValueOut() {
    Proposal tender = proposal("65397bb5");
    Proposal none = proposal("86bc974a");

    // Nine whole months (2020-05-19 to 2021-03-15): under 12, so not spread.
    assertThat(tender.termMonths()).isEqualTo(9);
    assertThat(tender.annualValue()).isEqualTo(70_000L);
    assertThat(none.annualValue()).isNull();
    assertThat(none.serviceArea()).isEqualTo("WASTE");
  }

  @Test
  void aNoticeNothingClassifies_isUnclassifiedAndUnassigned() {
    Proposal p = proposal("0054a4e6");

    assertThat(p.serviceArea()).isEqualTo("UNCLASSIFIED");
    assertThat(p.leadDirectorate()).isEqualTo("UNASSIGNED");
    assertThat(p.annualValue()).isEqualTo(93_527L);
    assertThat(p.termMonths()).isEqualTo(12);
  }

  @Test
  void theDraft_isAssessedByTheBundledRules_withoutAnError() {
    Plan draft = PlanReader.create().read(result.json(), "draft.json");
    PlanAssessment assessed = Gateway.bundled().assess(draft, LocalDate.of(2026, 11, 23));

    assertThat(draft.errors()).isEmpty();
    assertThat(assessed.errors()).isEmpty();
    assertThat(assessed.assessments()).hasSize(100);
    // The unknown service area is warned about, as the product says.
    assertThat(assessed.assessments().stream().filter(a -> a.proposal().serviceArea().equals("UNCLASSIFIED")))
        .allSatisfy(a -> assertThat(a.warnings()).anyMatch(w -> "UNCLASSIFIED".equals(w.target())));
  }

  @Test
  void serviceAreasWereFound_byKeywordCpvOrNeither() {
    Map<String, Long> how = result.draft().proposals().stream().collect(Collectors.groupingBy(p -> {
      String sentence = p.origin().texts("inferred").stream().filter(s -> s.startsWith("serviceArea ")).findFirst()
          .orElseThrow();
      return sentence.endsWith("in the title") ? "title" : sentence.contains(" from CPV ") ? "cpv"
          : sentence.endsWith("in the description") ? "description" : "unclassified";
    }, java.util.TreeMap::new, Collectors.counting()));

    assertThat(how).isEqualTo(Map.of("title", 2L, "cpv", 21L, "description", 4L, "unclassified", 73L));
  }
}

package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilgateway.GatewayException;
import org.councilgateway.OcdsImport;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of docs/formats.md's "Importing published procurement notices (OCDS)", on small notices written here. */
class OcdsImportTest {
  @TempDir
  Path dir;
  private int files;

  // ---- helpers: notices as JSON text, as a publisher would write them ----

  /** A release of {@code ocid} with the given extra members (JSON text without the braces, or ""). */
  static String release(String ocid, String date, String buyer, String members) {
    return "{\"ocid\": \"" + ocid + "\", \"id\": \"" + ocid + "-" + date + "\", \"date\": \"" + date
        + "\", \"tag\": [\"tender\"], \"buyer\": {\"id\": \"b\", \"name\": \"" + buyer + "\"}"
        + (members.isEmpty() ? "" : ", " + members) + "}";
  }

  static String release(String ocid, String members) {
    return release(ocid, "2020-01-01T00:00:00Z", "Leeds City Council", members);
  }

  private Path file(String content) throws IOException {
    Path file = dir.resolve("notices-" + files++ + ".json");
    Files.writeString(file, content);
    return file;
  }

  private Path releasePackage(String... releases) throws IOException {
    return file("{\"uri\": \"https://example.org/package.json\", \"version\": \"1.1\", \"releases\": ["
        + String.join(", ", releases) + "]}");
  }

  private static OcdsImport.Result run(OcdsImport importer, Path... files) {
    return importer.run(List.of(files));
  }

  private static OcdsImport.Result run(Path... files) {
    return run(OcdsImport.builder().build(), files);
  }

  private Proposal only(String... releases) throws IOException {
    OcdsImport.Result result = run(releasePackage(releases));
    assertThat(result.skipped()).isEmpty();
    assertThat(result.draft().proposals()).hasSize(1);
    return result.draft().proposals().get(0);
  }

  private static String tender(String members) {
    return "\"tender\": {" + members + "}";
  }

  private static String cpv(String... codes) {
    List<String> items = new ArrayList<>();
    for (String code : codes) {
      items.add("{\"id\": \"" + items.size() + "\", \"classification\": {\"scheme\": \"CPV\", \"id\": \"" + code + "\"}}");
    }
    return "\"items\": [" + String.join(", ", items) + "]";
  }

  // ---- id, title, texts ----

  @Test
  void idIsTheOcid_titleTheTenderTitle_elsePlanningProjectTitle_elseTheOcid() throws IOException {
    OcdsImport.Result result = run(releasePackage(
        release("ocds-1", tender("\"title\": \"  Home care &amp; support  \"") + ", \"planning\": {\"project\": "
            + "{\"title\": \"Not this\"}}"),
        release("ocds-2", tender("\"title\": \"   \"") + ", \"planning\": {\"project\": {\"title\": \"Pipeline: "
            + "carers&#039; breaks\"}}"),
        release("ocds-3", "")));

    assertThat(result.draft().proposals()).extracting(Proposal::id).containsExactly("ocds-1", "ocds-2", "ocds-3");
    assertThat(result.draft().proposals()).extracting(Proposal::title)
        .containsExactly("Home care & support", "Pipeline: carers' breaks", "ocds-3");
    assertThat(result.draft().proposals().get(2).origin().texts("inferred")).first().asString()
        .startsWith("title ocds-3: the notice has no tender.title");
  }

  // ---- serviceArea ----

  @Test
  void phrases_matchWholeWordsIgnoringCase_aTrailingStarAnyEndingOfTheLastWord() throws IOException {
    assertThat(only(release("o", tender("\"title\": \"FOSTERING service\""))).serviceArea()).isEqualTo("FOSTER_CARE");
    assertThat(only(release("o", tender("\"title\": \"Counterfoster\""))).serviceArea()).isEqualTo("UNCLASSIFIED");
    assertThat(only(release("o", tender("\"title\": \"Youthful ideas\""))).serviceArea()).isEqualTo("UNCLASSIFIED");
    assertThat(only(release("o", tender("\"title\": \"Youth clubs\""))).serviceArea()).isEqualTo("YOUTH_PROVISION");
    assertThat(only(release("o", tender("\"title\": \"Home\\n care (north)\""))).serviceArea())
        .isEqualTo("DOMICILIARY_CARE");
    assertThat(only(release("o", tender("\"title\": \"Leisure centres, pools\""))).serviceArea()).isEqualTo("LEISURE");
  }

  @Test
  void serviceArea_titleKeywordFirst_thenCpv_thenDescriptionKeyword_thenUnclassified() throws IOException {
    Proposal title = only(release("o", tender("\"title\": \"Sexual health clinic\", \"description\": \"foster\", "
        + cpv("45233140-2"))));
    Proposal code = only(release("o", tender("\"title\": \"Clinic\", \"description\": \"foster\", " + cpv("45233140-2"))));
    Proposal description = only(release("o", tender("\"title\": \"Clinic\", \"description\": \"Fostering\", "
        + cpv("03000000"))));
    Proposal none = only(release("o", tender("\"title\": \"Clinic\", " + cpv("03000000"))));

    assertThat(title.serviceArea()).isEqualTo("SEXUAL_HEALTH");
    assertThat(title.origin().texts("inferred")).contains("serviceArea SEXUAL_HEALTH from \"sexual health\" in the title");
    assertThat(code.serviceArea()).isEqualTo("HIGHWAYS");
    assertThat(code.origin().texts("inferred")).contains("serviceArea HIGHWAYS from CPV 45233140");
    assertThat(description.serviceArea()).isEqualTo("FOSTER_CARE");
    assertThat(description.origin().texts("inferred")).contains("serviceArea FOSTER_CARE from \"foster*\" in the description");
    assertThat(none.serviceArea()).isEqualTo("UNCLASSIFIED");
    assertThat(none.leadDirectorate()).isEqualTo("UNASSIGNED");
  }

  @Test
  void cpv_longestPrefixWins_checkDigitIgnored_tenderClassificationBeforeItems_otherSchemesIgnored() throws IOException {
    assertThat(only(release("o", tender("\"title\": \"x\", " + cpv("85311000-2")))).serviceArea())
        .isEqualTo("RESIDENTIAL_CARE");
    assertThat(only(release("o", tender("\"title\": \"x\", " + cpv("85312310")))).serviceArea())
        .isEqualTo("ADULT_SOCIAL_CARE");
    assertThat(only(release("o", tender("\"title\": \"x\", \"classification\": {\"scheme\": \"CPV\", \"id\": "
        + "\"72000000-5\"}, " + cpv("45233000")))).serviceArea()).isEqualTo("ICT");
    assertThat(only(release("o", tender("\"title\": \"x\", \"classification\": {\"scheme\": \"UNSPSC\", \"id\": "
        + "\"72000000\"}, " + cpv("90500000")))).serviceArea()).isEqualTo("WASTE");
    // The first code that the table maps: a code it does not map does not hide a later one that it does.
    assertThat(only(release("o", tender("\"title\": \"x\", " + cpv("03000000", "60130000")))).serviceArea())
        .isEqualTo("TRANSPORT");
  }

  // ---- leadDirectorate ----

  @Test
  void leadDirectorate_ownerInTheReferenceData_elseTheMappingsDefault_elseUnassigned() throws IOException {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, "defaultLeadDirectorate: POLICY_AND_RESOURCES\nkeywords:\n  \"gritting\": HIGHWAYS\n");
    Path notices = releasePackage(release("a", tender("\"title\": \"Winter gritting\"")),
        release("b", tender("\"title\": \"Films\"")));

    List<Proposal> own = run(OcdsImport.builder().mapping(mapping).build(), notices).draft().proposals();
    List<Proposal> bundled = run(notices).draft().proposals();

    assertThat(own).extracting(Proposal::serviceArea, Proposal::leadDirectorate).containsExactly(
        org.assertj.core.groups.Tuple.tuple("HIGHWAYS", "PLACES"),
        org.assertj.core.groups.Tuple.tuple("UNCLASSIFIED", "POLICY_AND_RESOURCES"));
    assertThat(bundled.get(1).leadDirectorate()).isEqualTo("UNASSIGNED");
  }

  // ---- changeType ----

  private static String period(String where, String start, String end) {
    return "\"" + where + "\": {\"startDate\": \"" + start + "T00:00:00Z\", \"endDate\": \"" + end + "T23:59:59Z\"}";
  }

  private static String award(String members) {
    return "\"awards\": [{\"id\": \"a1\", " + members + "}]";
  }

  @Test
  void changeType_terminatedOrContractTermination_isDecommission_amendmentsAreVary() throws IOException {
    // A terminated contract decommissions even where the release is also tagged as an amendment.
    Proposal terminated = only(release("o", "\"contracts\": [{\"id\": \"c0\", \"status\": \"active\"}, "
        + "{\"id\": \"c1\", \"status\": \"terminated\"}]").replace("[\"tender\"]", "[\"contractAmendment\"]"));
    Proposal tagged = only(release("o", "").replace("[\"tender\"]", "[\"award\", \"contractTermination\"]"));
    Proposal amended = only(release("o", "").replace("[\"tender\"]", "[\"contractAmendment\"]"));
    Proposal tenderAmended = only(release("o", "").replace("[\"tender\"]", "[\"tenderAmendment\"]"));

    assertThat(terminated.changeType()).isEqualTo(ChangeType.DECOMMISSION);
    assertThat(terminated.origin().texts("inferred")).contains("changeType DECOMMISSION: contract c1 is terminated");
    assertThat(tagged.changeType()).isEqualTo(ChangeType.DECOMMISSION);
    assertThat(amended.changeType()).isEqualTo(ChangeType.VARY);
    assertThat(tenderAmended.changeType()).isEqualTo(ChangeType.VARY);
  }

  @Test
  void changeType_recommission_whenAnotherOcidOfTheSameBuyerAndServiceAreaEndsOnOrBeforeTheStart_within12Months()
      throws IOException {
    String care = "\"title\": \"Domiciliary care\"";
    String old = release("old", "2019-01-01T00:00:00Z", "Leeds City Council",
        tender(care + ", " + period("contractPeriod", "2017-04-01", "2020-03-31")));
    String next = release("next", "2020-01-01T00:00:00Z", " LEEDS city council ",
        tender(care + ", " + period("contractPeriod", "2021-03-31", "2024-03-31")));
    String sameDay = release("same-day", "2020-01-01T00:00:00Z", "Leeds City Council",
        tender(care + ", " + period("contractPeriod", "2020-03-31", "2023-03-31")));
    String late = release("late", "2020-01-01T00:00:00Z", "Leeds City Council",
        tender(care + ", " + period("contractPeriod", "2021-04-01", "2024-03-31")));
    String otherBuyer = release("other", "2020-01-01T00:00:00Z", "Leeds Beckett University",
        tender(care + ", " + period("contractPeriod", "2020-04-01", "2023-03-31")));
    String overlapping = release("overlapping", "2020-01-01T00:00:00Z", "Leeds City Council",
        tender(care + ", " + period("contractPeriod", "2020-03-30", "2023-03-31")));

    List<Proposal> proposals = run(releasePackage(old, next, sameDay, late, otherBuyer, overlapping)).draft().proposals();

    assertThat(proposals).extracting(Proposal::id, Proposal::changeType).containsExactly(
        org.assertj.core.groups.Tuple.tuple("old", ChangeType.NEW),
        org.assertj.core.groups.Tuple.tuple("next", ChangeType.RECOMMISSION),
        org.assertj.core.groups.Tuple.tuple("same-day", ChangeType.RECOMMISSION),
        org.assertj.core.groups.Tuple.tuple("late", ChangeType.NEW),
        org.assertj.core.groups.Tuple.tuple("other", ChangeType.NEW),
        org.assertj.core.groups.Tuple.tuple("overlapping", ChangeType.NEW));
    assertThat(proposals.get(1).origin().texts("inferred")).contains("changeType RECOMMISSION: old of the same buyer and "
        + "service area (DOMICILIARY_CARE) ends on 2020-03-31, no more than 12 months before this starts on 2021-03-31");
  }

  // ---- annualValue, termMonths, startDate ----

  @Test
  void annualValue_firstGbpAmountAboveZero_spreadOverATermOf12MonthsOrMore_roundedHalfUp() throws IOException {
    String threeYears = period("contractPeriod", "2020-04-01", "2023-03-31");
    assertThat(only(release("o", award("\"value\": {\"amount\": 1200000, \"currency\": \"GBP\"}, " + threeYears)))
        .annualValue()).isEqualTo(400_000L);
    // 1,001 over 24 months is 500.5 a year: half up to 501.
    assertThat(only(release("o", award("\"value\": {\"amount\": 1001, \"currency\": \"GBP\"}, "
        + period("contractPeriod", "2020-04-01", "2022-03-31")))).annualValue()).isEqualTo(501L);
    // 1,000 over 24 months is 500 exactly; 999 over 24 months is 499.5, so 500.
    assertThat(only(release("o", award("\"value\": {\"amount\": 999, \"currency\": \"GBP\"}, "
        + period("contractPeriod", "2020-04-01", "2022-03-31")))).annualValue()).isEqualTo(500L);
    // Zero, then another currency, are passed over for the tender's value.
    Proposal fallback = only(release("o", award("\"value\": {\"amount\": 0, \"currency\": \"GBP\"}") + ", "
        + tender("\"value\": {\"amount\": 99.5, \"currency\": \"GBP\"}") + ", \"planning\": {\"budget\": {\"amount\": "
        + "{\"amount\": 5000, \"currency\": \"GBP\"}}}"));
    assertThat(fallback.annualValue()).isEqualTo(100L);
    assertThat(fallback.origin().texts("inferred")).contains("annualValue 100 from tender.value 99.5 GBP (no term, so not spread)");
    assertThat(only(release("o", tender("\"value\": {\"amount\": 7000, \"currency\": \"EUR\"}") + ", \"planning\": "
        + "{\"budget\": {\"amount\": {\"amount\": 5000, \"currency\": \"GBP\"}}}")).annualValue()).isEqualTo(5000L);
    // A term under 12 months: the amount itself.
    assertThat(only(release("o", award("\"value\": {\"amount\": 6000, \"currency\": \"GBP\"}, "
        + period("contractPeriod", "2020-04-01", "2020-09-30")))).annualValue()).isEqualTo(6000L);
    Proposal none = only(release("o", award("\"value\": {\"amount\": 0, \"currency\": \"GBP\"}")));
    assertThat(none.annualValue()).isNull();
    assertThat(none.origin().texts("inferred")).anyMatch(s -> s.startsWith("annualValue left out"));
  }

  @Test
  void termMonths_durationWhenGiven_elseWholeMonthsToTheDayAfterTheEnd_fromTheAwardElseTheTender() throws IOException {
    Proposal duration = only(release("o", award("\"contractPeriod\": {\"startDate\": \"2020-04-01T00:00:00Z\", "
        + "\"endDate\": \"2021-03-31T00:00:00Z\", \"durationInMonths\": 18}")));
    Proposal dates = only(release("o", award(period("contractPeriod", "2020-04-01", "2021-03-31"))));
    Proposal shortOfAMonth = only(release("o", award(period("contractPeriod", "2020-04-01", "2021-03-30"))));
    Proposal tenderPeriod = only(release("o", award("\"contractPeriod\": {\"startDate\": \"2020-04-01T00:00:00Z\"}")
        + ", " + tender(period("contractPeriod", "2020-05-01", "2025-04-30"))));
    Proposal offset = only(release("o", tender("\"contractPeriod\": {\"startDate\": \"2025-04-23T23:59:59+01:00\", "
        + "\"durationInMonths\": 24}")));

    assertThat(duration.termMonths()).isEqualTo(18);
    assertThat(duration.startDate()).isEqualTo(LocalDate.of(2020, 4, 1));
    assertThat(dates.termMonths()).isEqualTo(12);
    assertThat(dates.origin().texts("inferred")).contains("termMonths 12 from awards[0].contractPeriod 2020-04-01 to 2021-03-31");
    assertThat(shortOfAMonth.termMonths()).isEqualTo(11);
    assertThat(tenderPeriod.termMonths()).isEqualTo(60);
    assertThat(tenderPeriod.startDate()).isEqualTo(LocalDate.of(2020, 5, 1));
    assertThat(offset.startDate()).isEqualTo(LocalDate.of(2025, 4, 23));
    assertThat(offset.termMonths()).isEqualTo(24);
  }

  // ---- provider ----

  private static String supplier(String party) {
    return "\"parties\": [" + party + "], " + award("\"suppliers\": [{\"id\": \"s1\", \"name\": \" Age UK Leeds &amp; "
        + "District \"}, {\"id\": \"s2\", \"name\": \"Second\"}]");
  }

  @Test
  void provider_theFirstSupplierOfTheFirstAward_nameDecoded_sectorFromItsParty() throws IOException {
    Proposal vco = only(release("o", supplier("{\"id\": \"s1\", \"name\": \"Age UK\", \"vco\": true}")));
    Proposal vcse = only(release("o", supplier("{\"id\": \"s1\", \"details\": {\"vcse\": true}}")));
    Proposal mission = only(release("o", supplier("{\"id\": \"s1\", \"details\": {\"publicServiceMissionOrganization\": true}}")));
    Proposal scheme = only(release("o", supplier("{\"id\": \"s1\", \"identifier\": {\"scheme\": \"GB-LAE\", \"id\": \"LDS\"}}")));
    Proposal company = only(release("o", supplier("{\"id\": \"s1\", \"vco\": false, \"identifier\": {\"scheme\": \"GB-COH\"}}")));

    assertThat(vco.provider().name()).isEqualTo("Age UK Leeds & District");
    assertThat(vco.provider().sector()).isEqualTo(Sector.VCS);
    assertThat(vcse.provider().sector()).isEqualTo(Sector.VCS);
    assertThat(mission.provider().sector()).isEqualTo(Sector.PUBLIC);
    assertThat(scheme.provider().sector()).isEqualTo(Sector.PUBLIC);
    assertThat(company.provider().sector()).isEqualTo(Sector.PRIVATE);
    assertThat(only(release("o", "")).provider()).isNull();
  }

  // ---- clientGroups ----

  @Test
  void clientGroups_everyGroupWhosePhraseIsInTheTitleOrDescription_wholeWords_inTableOrder() throws IOException {
    Proposal p = only(release("o", tender("\"title\": \"Support for families and carers\", \"description\": "
        + "\"Adults with learning disabilities, older people; not childrens-centre staff nor womenswear.\"")));

    assertThat(p.clientGroups()).containsExactly("OLDER_PEOPLE", "LEARNING_DISABILITY", "CARERS", "FAMILIES");
  }

  // ---- which release, which files ----

  @Test
  void latestDateWins_tiesGoToTheLaterInInputOrder_acrossFiles() throws IOException {
    Path first = releasePackage(
        release("o", "2020-03-01T10:00:00+01:00", "Leeds City Council", tender("\"title\": \"Latest, by offset\"")),
        release("t", "2020-01-01T00:00:00Z", "Leeds City Council", tender("\"title\": \"Tie, first\"")));
    Path second = releasePackage(
        release("o", "2020-03-01T09:30:00Z", "Leeds City Council", tender("\"title\": \"Earlier in UTC\"")),
        release("t", "2020-01-01T00:00:00Z", "Leeds City Council", tender("\"title\": \"Tie, second\"")),
        release("o", "2019-01-01", "Leeds City Council", tender("\"title\": \"Oldest\"")));

    OcdsImport.Result result = run(first, second);

    assertThat(result.draft().proposals()).extracting(Proposal::title).containsExactly("Earlier in UTC", "Tie, second");
    assertThat(result.superseded()).isEqualTo(3);
    assertThat(result.releases()).isEqualTo(5);
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void recordPackage_usesEachRecordsCompiledRelease_elseItsLatestRelease() throws IOException {
    Path records = file("{\"uri\": \"https://example.org/records.json\", \"records\": ["
        + "{\"ocid\": \"r1\", \"releases\": [{\"url\": \"https://example.org/r1-1\"}], \"compiledRelease\": "
        + release("r1", tender("\"title\": \"Compiled\"")) + "},"
        + "{\"ocid\": \"r2\", \"releases\": [" + release("r2", "2020-02-01T00:00:00Z", "Leeds City Council",
            tender("\"title\": \"Later\"")).replace("\"ocid\": \"r2\", ", "") + ", "
        + release("r2", "2020-01-01T00:00:00Z", "Leeds City Council", tender("\"title\": \"Earlier\"")) + "]},"
        + "{\"ocid\": \"r3\"}]}");

    OcdsImport.Result result = run(records);

    assertThat(result.draft().proposals()).extracting(Proposal::id, Proposal::title).containsExactly(
        org.assertj.core.groups.Tuple.tuple("r1", "Compiled"), org.assertj.core.groups.Tuple.tuple("r2", "Later"));
    assertThat(result.draft().proposals().get(0).origin().text("url")).isEqualTo("https://example.org/records.json");
    assertThat(result.skipped()).singleElement().satisfies(s -> {
      assertThat(s.place()).isEqualTo("records[2]");
      assertThat(s.reason()).contains("neither a compiledRelease nor a release");
    });
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void aSingleRelease_isImported_withNoPackageUrl() throws IOException {
    OcdsImport.Result result = run(file(release("single", tender("\"title\": \"Advocacy service\""))));

    Proposal p = result.draft().proposals().get(0);
    assertThat(p.serviceArea()).isEqualTo("ADVOCACY");
    assertThat(p.origin().entries()).extracting(e -> e.key())
        .containsExactly("ocid", "releaseId", "date", "buyer", "inferred");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void origin_namesTheReleaseUsed_itsBuyerDecoded_andThePackageUri_evenWhenTheUriComesAfterTheReleases()
      throws IOException {
    Path late = file("{\"releases\": [" + release("o", "2020-05-06T07:08:09Z", "Telford &amp; Wrekin Council", "")
        + "], \"uri\": \"https://example.org/late.json\"}");

    Proposal p = run(late).draft().proposals().get(0);

    assertThat(p.origin().text("ocid")).isEqualTo("o");
    assertThat(p.origin().text("releaseId")).isEqualTo("o-2020-05-06T07:08:09Z");
    assertThat(p.origin().text("date")).isEqualTo("2020-05-06T07:08:09Z");
    assertThat(p.origin().text("buyer")).isEqualTo("Telford & Wrekin Council");
    assertThat(p.origin().text("url")).isEqualTo("https://example.org/late.json");
  }

  @Test
  void buyer_keepsOnlyThatBuyersReleases_ignoringCaseSurroundingSpacesAndEntities() throws IOException {
    Path notices = releasePackage(release("a", "2020-01-01T00:00:00Z", "Telford &amp; Wrekin Council", ""),
        release("b", "2020-01-01T00:00:00Z", "  TELFORD & WREKIN COUNCIL ", ""),
        release("c", "2020-01-01T00:00:00Z", "Shropshire Council", ""));

    OcdsImport.Result result = run(OcdsImport.builder().buyer(" telford & wrekin council").build(), notices);

    assertThat(result.draft().proposals()).extracting(Proposal::id).containsExactly("a", "b");
    assertThat(result.otherBuyers()).isEqualTo(1);
    assertThat(result.exitCode()).isZero();
  }

  // ---- skipped releases and unusable files ----

  @Test
  void aReleaseWithoutOcid_orThatIsNotAnObject_isSkippedAndNamed_theRestImported() throws IOException {
    Path notices = releasePackage(release("kept", ""), "{\"id\": \"no-ocid\", \"tag\": [\"tender\"]}", "42",
        "[\"a\"]");

    OcdsImport.Result result = run(notices);

    assertThat(result.draft().proposals()).extracting(Proposal::id).containsExactly("kept");
    assertThat(result.skipped()).extracting(OcdsImport.Skipped::place).containsExactly("releases[1]", "releases[2]",
        "releases[3]");
    assertThat(result.skipped().get(0).describe()).isEqualTo(notices + ": releases[1] (id no-ocid) skipped: it has no "
        + "ocid, so it cannot be told which contracting process it belongs to.");
    assertThat(result.skipped().get(1).reason()).isEqualTo("it is not an object but 42, so it is not a release.");
    assertThat(result.releases()).isEqualTo(4);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void hostileFiles_areEachNamedWithTheirFault_inOneSentence_andTheOthersStillImported() throws IOException {
    Path good = releasePackage(release("ok", ""));
    Path notJson = file("<html>Contracts Finder is down</html>");
    Path array = file("[" + release("x", "") + "]");
    Path nothing = file("{\"publisher\": {\"name\": \"x\"}}");
    Path deep = file("{\"releases\": [" + "[".repeat(5000) + "]".repeat(5000) + "]}");
    Path truncated = file("{\"releases\": [" + release("cut", ""));
    Path releasesNotAList = file("{\"releases\": {\"ocid\": \"x\"}}");
    Path both = file("{\"releases\": [], \"records\": []}");
    Path directory = Files.createDirectory(dir.resolve("folder.json"));
    Path missing = dir.resolve("missing.json");

    OcdsImport.Result result = run(good, notJson, array, nothing, deep, truncated, releasesNotAList, both, directory,
        missing);

    assertThat(result.draft().proposals()).extracting(Proposal::id).containsExactly("ok");
    assertThat(result.unusable()).extracting(Problem::file).containsExactly(notJson.toString(), array.toString(),
        nothing.toString(), deep.toString(), truncated.toString(), releasesNotAList.toString(), both.toString(),
        directory.toString(), missing.toString());
    assertThat(result.unusable()).extracting(Problem::toString).allSatisfy(line -> {
      assertThat(line).doesNotContain("Exception", "StreamReadConstraints", "com.fasterxml");
      assertThat(line).endsWith(".");
    });
    assertThat(result.unusable().get(0).message()).startsWith("is not valid JSON: Unexpected character ('<'");
    assertThat(result.unusable().get(1).message()).contains("it is JSON, but not an object");
    assertThat(result.unusable().get(2).message()).contains("no \"releases\" or \"records\" list");
    assertThat(result.unusable().get(3).message()).contains("nesting depth");
    assertThat(result.unusable().get(4).message()).startsWith("is not valid JSON: Unexpected end-of-input");
    assertThat(result.unusable().get(5).message()).contains("\"releases\" that is not a list");
    assertThat(result.unusable().get(6).message()).contains("has both \"releases\" and \"records\"");
    assertThat(result.unusable().get(7).message()).contains("is a directory");
    assertThat(result.unusable().get(8).message()).isEqualTo("does not exist.");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(run(notJson, missing).exitCode()).isEqualTo(2);
  }

  @Test
  void aFileClaimingTwoGigabytes_isRefusedUnreadBeyondTheLimit() throws IOException {
    Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(2_000_000_001L);
    }

    OcdsImport.Result result = run(huge);

    assertThat(result.unusable()).singleElement().extracting(Problem::toString).isEqualTo(huge
        + ": is 2,000,000,001 bytes long, more than the 1,000,000,000 bytes an OCDS file may be (raise --limit "
        + "planBytes to read it).");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void aFileBeyondALoweredLimit_isRefused_andAHugeStringOrNumberIsRefusedInASentence() throws IOException {
    Path notices = releasePackage(release("o", tender("\"title\": \"" + "x".repeat(5000) + "\"")));
    org.councilgateway.GatewayOptions small = org.councilgateway.GatewayOptions.builder()
        .limits(org.councilgateway.Limits.DEFAULTS.withPlanBytes(1000)).build();

    assertThat(run(OcdsImport.builder().options(small).build(), notices).unusable()).singleElement()
        .extracting(Problem::message).asString().contains("more than the 1,000 bytes an OCDS file may be");

    Path number = releasePackage(release("o", award("\"value\": {\"amount\": 1" + "0".repeat(500)
        + ", \"currency\": \"GBP\"}")));
    Proposal p = run(number).draft().proposals().get(0);
    assertThat(p.annualValue()).isNull();
  }

  // ---- the draft ----

  @Test
  void theDraft_isANormalPlan_inJsonAndYaml_readBackToTheSameProposals() throws IOException {
    OcdsImport.Result result = run(releasePackage(
        release("o1", supplier("{\"id\": \"s1\", \"vco\": true}") + ", " + tender("\"title\": \"Carers: yes, no, "
            + "true, 1e3\", \"description\": \"Older people\", " + cpv("85311000-2") + ", "
            + period("contractPeriod", "2020-04-01", "2023-03-31") + ", \"value\": {\"amount\": 300000, "
            + "\"currency\": \"GBP\"}")),
        release("o2", tender("\"title\": \"2020\""))));

    Plan fromJson = PlanReader.create().read(result.json(), "draft.json");
    Plan fromYaml = PlanReader.create().read(result.yaml(), "draft.yaml");

    assertThat(fromJson.errors()).isEmpty();
    assertThat(fromJson.asOf()).isNull();
    assertThat(fromJson.proposals()).isEqualTo(result.draft().proposals());
    assertThat(fromYaml.errors()).isEmpty();
    assertThat(fromYaml.proposals()).isEqualTo(result.draft().proposals());
    assertThat(result.json()).startsWith("{\n  \"proposals\": [\n    {\n      \"id\": \"o1\",\n").endsWith("}\n");
    assertThat(result.json()).doesNotContain("objectives", "outcomes", "consulted", "risksAssessed", "eia", "asOf");
  }

  // ---- the mapping ----

  @Test
  void theBundledMapping_hasTheSpecifiedEntries_andNamesOnlyCodesOfTheReferenceData() throws IOException {
    String bundled = Files.readString(Path.of("src/main/resources/org/councilgateway/rules/ocds-mapping.yaml"));
    for (String entry : List.of("\"85311\": RESIDENTIAL_CARE", "\"8531\": ADULT_SOCIAL_CARE", "\"8532\": ADULT_SOCIAL_CARE",
        "\"6013\": TRANSPORT", "\"6014\": TRANSPORT", "\"905\": WASTE", "\"45233\": HIGHWAYS", "\"9261\": LEISURE",
        "\"72\": ICT", "\"48\": ICT", "\"8511\": PUBLIC_HEALTH", "\"8512\": PUBLIC_HEALTH", "\"8513\": PUBLIC_HEALTH",
        "\"8514\": PUBLIC_HEALTH", "\"80\": SCHOOL_SERVICES", "\"79211\": PAYROLL", "\"foster*\": FOSTER_CARE",
        "\"domiciliary\": DOMICILIARY_CARE", "\"home care\": DOMICILIARY_CARE", "\"leisure centre*\": LEISURE",
        "\"advocacy\": ADVOCACY", "\"substance misuse\": SUBSTANCE_MISUSE", "\"drug and alcohol\": SUBSTANCE_MISUSE",
        "\"sexual health\": SEXUAL_HEALTH", "\"carers\": CARERS_SUPPORT", "\"supported housing\": HOUSING_SUPPORT",
        "\"homelessness\": HOUSING_SUPPORT", "\"youth\": YOUTH_PROVISION", "\"community safety\": COMMUNITY_SAFETY",
        "\"older people\": OLDER_PEOPLE", "\"children\": CHILDREN_AND_YOUNG_PEOPLE",
        "\"young people\": CHILDREN_AND_YOUNG_PEOPLE", "\"care leaver*\": CARE_LEAVERS",
        "\"learning disabilit*\": LEARNING_DISABILITY", "\"mental health\": MENTAL_HEALTH", "\"carers\": CARERS",
        "\"families\": FAMILIES", "\"domestic abuse\": WOMEN")) {
      assertThat(bundled).contains("\n  " + entry + "\n");
    }
    var data = RuleSet.bundled().referenceData();
    assertThat(OcdsImport.checkBundledMapping(data)).isEmpty();
    // A client-group phrase for every client group of the reference data.
    for (var group : data.clientGroups()) {
      assertThat(bundled).as(group.code()).containsPattern("\n  \"[^\"]+\": " + group.code() + "\n");
    }
  }

  @Test
  void checkMapping_namesEachCodeTheReferenceDataLacks_atItsLineAndColumn() throws IOException {
    Path mapping = dir.resolve("ocds-mapping.yaml");
    Files.writeString(mapping, "defaultLeadDirectorate: PEOPEL\nkeywords:\n  \"gritting\": HIGHWAYS\n"
        + "  \"libraries\": LIBRARIES\ncpv:\n  \"45\": ROADS\nclientGroups:\n  \"pupils\": PUPILS\n");

    List<Problem> problems = OcdsImport.checkMapping(mapping, RuleSet.bundled().referenceData());

    assertThat(problems).extracting(Problem::toString).containsExactly(
        mapping + ":1:25: The directorate PEOPEL is not in the reference data's directorates.",
        mapping + ":4:16: The service area LIBRARIES is not in the reference data. Add it there, or map to one that is.",
        mapping + ":8:13: The client group PUPILS is not in the reference data. Add it there, or map to one that is.",
        mapping + ":6:9: The service area ROADS is not in the reference data. Add it there, or map to one that is.");
  }

  @Test
  void aMalformedMapping_isRefusedWithEachProblemAtItsPlace() throws IOException {
    Path mapping = dir.resolve("bad.yaml");
    Files.writeString(mapping, "keywords:\n  - foster: FOSTER_CARE\ncpv:\n  \"45x\": HIGHWAYS\n  \"72\": [ICT]\nwords: {}\n");

    assertThatThrownBy(() -> OcdsImport.builder().mapping(mapping).build())
        .isInstanceOf(GatewayException.class)
        .satisfies(e -> assertThat(((GatewayException) e).problems()).extracting(Problem::toString).containsExactly(
            mapping + ":6:8: Unknown key \"words\": a mapping file has the keys defaultLeadDirectorate, keywords, cpv and "
                + "clientGroups.",
            mapping + ":2:3: keywords must be a mapping of phrase to code, one a line (\"phrase\": CODE).",
            mapping + ":4:10: The CPV prefix \"45x\" must be 1 to 8 digits (a CPV code without its check digit, or the "
                + "start of one).",
            mapping + ":5:9: The cpv entry \"72\" must map to a service area code, but maps to a list."));
    Path notYaml = dir.resolve("broken.yaml");
    Files.writeString(notYaml, "keywords: [\n");
    assertThat(OcdsImport.checkMapping(notYaml, RuleSet.bundled().referenceData())).singleElement()
        .extracting(Problem::toString).asString().isEqualTo(notYaml + ":1:12: is not valid YAML: a [ or { here is never "
            + "closed before the end of the file: close it with ] or }, or if it is a slip, remove it.");
  }
}

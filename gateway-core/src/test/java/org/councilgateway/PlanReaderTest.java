package org.councilgateway;

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
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;
import org.councilgateway.model.Sector;
import org.councilgateway.model.Staffing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.councilgateway.PlanJson.ids;
import static org.councilgateway.PlanJson.plan;
import static org.councilgateway.PlanJson.proposal;
import static org.councilgateway.PlanJson.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the proposals of a plan: what is kept, and every error with its JSON pointer. */
@DisplayName("PlanReader reading proposals")
class PlanReaderTest {
  private static final PlanReader READER = PlanReader.create();

  /** The example proposal of PRODUCT.md, "The proposal format". */
  static final Proposal PRODUCT_EXAMPLE = Proposal.builder().id("NL-2027-003").title("Leisure centres and physical activity").leadDirectorate("PLACES").serviceArea("LEISURE").changeType(ChangeType.RECOMMISSION)
      .objectives(List.of("Increase physical activity among the least active"))
      .outcomes(List.of("HEALTHIER_POPULATION"))
      .annualValue(2_100_000L)
      .termMonths(60)
      .startDate(LocalDate.of(2027, 4, 1))
      .fundingSources(List.of(
          new FundingSource(FundingType.COUNCIL_BUDGET, "PLACES", 1_500_000L),
          new FundingSource(FundingType.PUBLIC_HEALTH_GRANT, "PEOPLE", 600_000L)))
      .clientGroups(List.of("GENERAL_PUBLIC"))
      .partners(List.of("CCG"))
      .deliveryOptions(List.of(DeliveryOption.OUTSOURCE, DeliveryOption.COUNCIL_COMPANY))
      .consulted(List.of(Consultee.SERVICE_USERS))
      .consultedDirectorates(List.of("PEOPLE"))
      .risksAssessed(true)
      .paymentModel(PaymentModel.OUTCOME_BASED)
      .provider(new Provider("Active Lincs Trust", Sector.VCS, Performance.GOOD, 0))
      .staffing(new Staffing(0, 0, 0, false))
      .eia(new EiaRecord(
          List.of(new CompletedEia(EiaKind.SERVICE, EiaLevel.SCREENING, LocalDate.of(2026, 6, 1))), true))
      .build();

  /** Reads a plan of one proposal and returns its errors. */
  private static List<InputError> errorsOf(PlanJson proposal) {
    Plan plan = READER.read(plan(proposal), "plan.json");
    assertThat(plan.proposals()).as("an invalid proposal is not kept").isEmpty();
    return plan.errors();
  }

  /** Reads a plan of one proposal that must be valid and returns it. */
  private static Proposal validOne(PlanJson proposal) {
    Plan plan = READER.read(plan(proposal), "plan.json");
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.proposals()).hasSize(1);
    return plan.proposals().get(0);
  }

  @Nested
  @DisplayName("a valid plan")
  class ValidPlan {

    @Test
    void read_productExampleJson_givesEveryField() {
      Plan plan = READER.read(resource("/plans/product-example.json"));

      assertThat(plan.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.proposals()).containsExactly(PRODUCT_EXAMPLE);
    }

    @Test
    void read_productExampleYaml_equalsTheJson() {
      Plan json = READER.read(resource("/plans/product-example.json"));
      Plan yaml = READER.read(resource("/plans/product-example.yaml"));

      assertThat(yaml).isEqualTo(json);
      assertThat(yaml.proposals()).containsExactly(PRODUCT_EXAMPLE);
    }

    @Test
    void read_textWithYamlName_readsYaml() {
      String yaml = """
          asOf: 2026-11-23
          proposals:
            - {id: P-1, title: Youth clubs, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: NEW}
          """;

      Plan plan = READER.read(yaml, "forward-plan.yml");

      assertThat(plan.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
      assertThat(plan.proposals()).containsExactly(
          Proposal.builder().id("P-1").title("Youth clubs").leadDirectorate("PEOPLE").serviceArea("YOUTH_PROVISION").changeType(ChangeType.NEW).build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plan", "plan.txt", "PLAN.JSON"})
    void read_nameNotYaml_readsJsonByItsContent(String name) {
      Plan plan = READER.read(plan(proposal("P-1")), name);

      assertThat(ids(plan)).containsExactly("P-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plan", "plan.txt", "PLAN.YAML"})
    void read_yamlContentWithoutJsonName_readsYaml(String name) {
      Plan plan = READER.read("proposals:\n  - {id: P-1, title: T, leadDirectorate: PEOPLE,"
          + " serviceArea: YOUTH_PROVISION, changeType: NEW}\n", name);

      assertThat(ids(plan)).containsExactly("P-1");
    }

    @Test
    void read_onlyRequiredFields_givesEmptyListsFalseBooleansAndNoValues() {
      Proposal read = validOne(proposal("P-1"));

      assertThat(read).isEqualTo(
          Proposal.builder().id("P-1").title("Youth clubs").leadDirectorate("PEOPLE").serviceArea("YOUTH_PROVISION").changeType(ChangeType.NEW).build());
      assertThat(read.objectives()).isEmpty();
      assertThat(read.outcomes()).isEmpty();
      assertThat(read.affectedDirectorates()).isEmpty();
      assertThat(read.fundingSources()).isEmpty();
      assertThat(read.clientGroups()).isEmpty();
      assertThat(read.partners()).isEmpty();
      assertThat(read.deliveryOptions()).isEmpty();
      assertThat(read.consulted()).isEmpty();
      assertThat(read.consultedDirectorates()).isEmpty();
      assertThat(read.wards()).isEmpty();
      assertThat(read.commissionerManagesInHouseProvider()).isFalse();
      assertThat(read.risksAssessed()).isFalse();
      assertThat(read.eligibilityChange()).isFalse();
      assertThat(read.annualValue()).isNull();
      assertThat(read.termMonths()).isNull();
      assertThat(read.startDate()).isNull();
      assertThat(read.reductionPercent()).isNull();
      assertThat(read.paymentModel()).isNull();
      assertThat(read.provider()).isNull();
      assertThat(read.staffing()).isEqualTo(Staffing.NONE);
      assertThat(read.eia()).isEqualTo(EiaRecord.NONE);
    }

    @Test
    void read_everyOptionalFieldNull_readsAsAbsent() {
      PlanJson nulls = proposal("P-1");
      for (String field : List.of("objectives", "outcomes", "annualValue", "termMonths", "startDate",
          "reductionPercent", "affectedDirectorates", "fundingSources", "clientGroups", "partners",
          "deliveryOptions", "commissionerManagesInHouseProvider", "consulted", "consultedDirectorates",
          "risksAssessed", "paymentModel", "provider", "eligibilityChange", "staffing", "wards", "eia")) {
        nulls.with(field, "null");
      }

      assertThat(validOne(nulls)).isEqualTo(validOne(proposal("P-1")));
    }

    @Test
    void read_nullsInsideNestedObjects_readAsAbsent() {
      Proposal read = validOne(proposal("P-1")
          .with("provider", "{\"name\": \"Acme\", \"sector\": null, \"performance\": null, \"otherCouncilContracts\": null}")
          .with("fundingSources", "[{\"source\": \"NHS\", \"directorate\": null, \"annualAmount\": null}]")
          .with("staffing", "{\"postsDeleted\": null, \"postsCreated\": null, \"postsRedesignated\": null, \"tupeTransfer\": null}")
          .with("eia", "{\"completed\": null, \"assessorTrainingCurrent\": null}"));

      assertThat(read.provider()).isEqualTo(new Provider("Acme", null, null, 0));
      assertThat(read.fundingSources()).containsExactly(new FundingSource(FundingType.NHS, null, null));
      assertThat(read.staffing()).isEqualTo(Staffing.NONE);
      assertThat(read.eia()).isEqualTo(EiaRecord.NONE);
    }

    @Test
    void read_repeatedListEntries_countOnceInFirstOrder() {
      Proposal read = validOne(proposal("P-1")
          .with("objectives", "[\"Reach more\", \"Spend less\", \"Reach more\"]")
          .with("outcomes", "[\"FEWER_NEET\", \"FEWER_NEET\"]")
          .with("affectedDirectorates", "[\"PLACES\", \"PLACES\"]")
          .with("fundingSources", "[{\"source\": \"NHS\", \"annualAmount\": 10}, {\"source\": \"POLICE\"},"
              + " {\"source\": \"NHS\", \"annualAmount\": 10}]")
          .with("clientGroups", "[\"YOUNG_PEOPLE\", \"YOUNG_PEOPLE\"]")
          .with("partners", "[\"POLICE_AND_CRIME_COMMISSIONER\", \"POLICE_AND_CRIME_COMMISSIONER\"]")
          .with("deliveryOptions", "[\"OUTSOURCE\", \"IN_HOUSE\", \"OUTSOURCE\"]")
          .with("consulted", "[\"STAFF\", \"STAFF\"]")
          .with("consultedDirectorates", "[\"PLACES\", \"PLACES\"]")
          .with("wards", "[\"Ashby\", \"Ashby\"]")
          .with("eia", "{\"completed\": [{\"kind\": \"SERVICE\", \"level\": \"FULL\", \"on\": \"2026-01-05\"},"
              + " {\"kind\": \"SERVICE\", \"level\": \"FULL\", \"on\": \"2026-01-05\"}]}"));

      assertThat(read.objectives()).containsExactly("Reach more", "Spend less");
      assertThat(read.outcomes()).containsExactly("FEWER_NEET");
      assertThat(read.affectedDirectorates()).containsExactly("PLACES");
      assertThat(read.fundingSources()).containsExactly(
          new FundingSource(FundingType.NHS, null, 10L), new FundingSource(FundingType.POLICE, null, null));
      assertThat(read.clientGroups()).containsExactly("YOUNG_PEOPLE");
      assertThat(read.partners()).containsExactly("POLICE_AND_CRIME_COMMISSIONER");
      assertThat(read.deliveryOptions()).containsExactly(DeliveryOption.OUTSOURCE, DeliveryOption.IN_HOUSE);
      assertThat(read.consulted()).containsExactly(Consultee.STAFF);
      assertThat(read.consultedDirectorates()).containsExactly("PLACES");
      assertThat(read.wards()).containsExactly("Ashby");
      assertThat(read.eia().completed()).containsExactly(
          new CompletedEia(EiaKind.SERVICE, EiaLevel.FULL, LocalDate.of(2026, 1, 5)));
    }

    @Test
    void read_unknownCodes_areKeptNotErrors() {
      Proposal read = validOne(proposal("P-1")
          .with("leadDirectorate", "\"HOUSING\"")
          .with("serviceArea", "\"LIBRARIES\"")
          .with("clientGroups", "[\"ROUGH_SLEEPERS\"]")
          .with("partners", "[\"UNIVERSITY\"]")
          .with("outcomes", "[\"anything at all\"]"));

      assertThat(read.leadDirectorate()).isEqualTo("HOUSING");
      assertThat(read.serviceArea()).isEqualTo("LIBRARIES");
      assertThat(read.clientGroups()).containsExactly("ROUGH_SLEEPERS");
      assertThat(read.partners()).containsExactly("UNIVERSITY");
      assertThat(read.outcomes()).containsExactly("anything at all");
    }

    @Test
    void read_emptyProposalsList_givesAnEmptyPlan() {
      Plan plan = READER.read("{\"proposals\": []}", "plan.json");

      assertThat(plan).isEqualTo(new Plan(null, List.of(), List.of()));
    }

    @Test
    void read_asOfNull_isNoDate() {
      Plan plan = READER.read("{\"asOf\": null, \"proposals\": []}", "plan.json");

      assertThat(plan.asOf()).isNull();
    }

    @Test
    void read_result_isImmutable() {
      Plan plan = READER.read(resource("/plans/product-example.json"));

      assertThatThrownBy(() -> plan.proposals().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> plan.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> plan.proposals().get(0).wards().add("Ashby"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void read_fromManyThreads_givesTheSamePlan() {
      String document = plan(proposal("P-1"), proposal("P-2").with("changeType", "\"reduce\""), proposal("P-3"));
      Plan expected = READER.read(document, "plan.json");

      List<Plan> plans = IntStream.range(0, 64).parallel()
          .mapToObj(i -> READER.read(document, "plan.json")).toList();

      assertThat(plans).allSatisfy(plan -> assertThat(plan).isEqualTo(expected));
    }
  }

  @Nested
  @DisplayName("a required field missing")
  class RequiredFields {

    static Stream<Arguments> missing() {
      String completed = "{\"kind\": \"SERVICE\", \"level\": \"SCREENING\", \"on\": \"2026-06-01\"}";
      return Stream.of(
          Arguments.of("id", proposal("P-1").without("id"), null,
              "/proposals/0/id", "id is required."),
          Arguments.of("title", proposal("P-1").without("title"), "P-1",
              "/proposals/0/title", "title is required."),
          Arguments.of("leadDirectorate", proposal("P-1").without("leadDirectorate"), "P-1",
              "/proposals/0/leadDirectorate", "leadDirectorate is required."),
          Arguments.of("serviceArea", proposal("P-1").without("serviceArea"), "P-1",
              "/proposals/0/serviceArea", "serviceArea is required."),
          Arguments.of("changeType", proposal("P-1").without("changeType"), "P-1",
              "/proposals/0/changeType",
              "changeType is required: one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION."),
          Arguments.of("title null", proposal("P-1").with("title", "null"), "P-1",
              "/proposals/0/title", "title is required."),
          Arguments.of("changeType null", proposal("P-1").with("changeType", "null"), "P-1",
              "/proposals/0/changeType",
              "changeType is required: one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION."),
          Arguments.of("provider.name", proposal("P-1").with("provider", "{\"sector\": \"VCS\"}"), "P-1",
              "/proposals/0/provider/name", "name is required."),
          Arguments.of("fundingSources[1].source", proposal("P-1").with("fundingSources",
                  "[{\"source\": \"NHS\"}, {\"directorate\": \"PEOPLE\", \"annualAmount\": 5}]"), "P-1",
              "/proposals/0/fundingSources/1/source",
              "source is required: one of COUNCIL_BUDGET, PUBLIC_HEALTH_GRANT, NHS, POLICE, EXTERNAL_GRANT."),
          Arguments.of("completed EIA kind", proposal("P-1").with("eia", "{\"completed\": [" + completed
                  + ", {\"level\": \"FULL\", \"on\": \"2026-06-01\"}]}"), "P-1",
              "/proposals/0/eia/completed/1/kind", "kind is required: one of SERVICE, STAFFING."),
          Arguments.of("completed EIA level", proposal("P-1").with("eia",
                  "{\"completed\": [{\"kind\": \"SERVICE\", \"on\": \"2026-06-01\"}]}"), "P-1",
              "/proposals/0/eia/completed/0/level", "level is required: one of SCREENING, FULL."),
          Arguments.of("completed EIA on", proposal("P-1").with("eia",
                  "{\"completed\": [{\"kind\": \"SERVICE\", \"level\": \"FULL\"}]}"), "P-1",
              "/proposals/0/eia/completed/0/on", "on is required: a date in the form yyyy-MM-dd."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missing")
    void read_requiredFieldMissing_reportsItsPath(
        String field, PlanJson proposal, String proposalId, String path, String message) {
      assertThat(errorsOf(proposal)).containsExactly(new InputError(0, proposalId, path, message));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        id              | ""    | id must be a non-empty text, but was "".
        id              | "  "  | id must be a non-empty text, but was "  ".
        id              | 7     | id must be a non-empty text, but was 7.
        title           | ""    | title must be a non-empty text, but was "".
        leadDirectorate | []    | leadDirectorate must be a non-empty text, but was a list.
        serviceArea     | {}    | serviceArea must be a non-empty text, but was an object.
        """)
    void read_requiredTextNotText_reportsTheValue(String field, String json, String message) {
      List<InputError> errors = errorsOf(proposal("P-1").with(field, json));

      assertThat(errors).containsExactly(
          new InputError(0, field.equals("id") ? null : "P-1", "/proposals/0/" + field, message));
    }

    @Test
    void read_providerNameEmpty_reportsTheValue() {
      assertThat(errorsOf(proposal("P-1").with("provider", "{\"name\": \"\"}"))).containsExactly(
          new InputError(0, "P-1", "/proposals/0/provider/name", "name must be a non-empty text, but was \"\"."));
    }

    @Test
    void read_everyRequiredFieldMissing_reportsEachSortedByPath() {
      assertThat(errorsOf(PlanJson.empty())).containsExactly(
          new InputError(0, null, "/proposals/0/changeType",
              "changeType is required: one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION."),
          new InputError(0, null, "/proposals/0/id", "id is required."),
          new InputError(0, null, "/proposals/0/leadDirectorate", "leadDirectorate is required."),
          new InputError(0, null, "/proposals/0/serviceArea", "serviceArea is required."),
          new InputError(0, null, "/proposals/0/title", "title is required."));
    }

    @Test
    void read_completedEiaEmpty_reportsKindLevelAndOn() {
      assertThat(errorsOf(proposal("P-1").with("eia", "{\"completed\": [{}]}"))).containsExactly(
          new InputError(0, "P-1", "/proposals/0/eia/completed/0/kind", "kind is required: one of SERVICE, STAFFING."),
          new InputError(0, "P-1", "/proposals/0/eia/completed/0/level", "level is required: one of SCREENING, FULL."),
          new InputError(0, "P-1", "/proposals/0/eia/completed/0/on", "on is required: a date in the form yyyy-MM-dd."));
    }
  }

  @Nested
  @DisplayName("enumerations")
  class Enumerations {

    @Test
    void read_changeTypeLowerCase_reportsValidValues() {
      assertThat(errorsOf(proposal("P-1").with("changeType", "\"reduce\""))).containsExactly(
          new InputError(0, "P-1", "/proposals/0/changeType",
              "changeType must be one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was \"reduce\"."));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        changeType      | 3                                                      | /changeType                | changeType must be one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was 3.
        changeType      | "Reduce"                                               | /changeType                | changeType must be one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was "Reduce".
        paymentModel    | "block"                                                | /paymentModel              | paymentModel must be one of BLOCK, SPOT, VOLUME, OUTCOME_BASED, PAYMENT_BY_RESULTS, GRANT, but was "block".
        provider        | {"name": "Acme", "sector": "vcs"}                      | /provider/sector           | sector must be one of PRIVATE, VCS, PUBLIC, IN_HOUSE, but was "vcs".
        provider        | {"name": "Acme", "performance": "Good"}                | /provider/performance      | performance must be one of GOOD, REQUIRES_IMPROVEMENT, INADEQUATE, UNRATED, but was "Good".
        deliveryOptions | ["OUTSOURCE", "in_house"]                              | /deliveryOptions/1         | Each entry of deliveryOptions must be one of IN_HOUSE, OUTSOURCE, JOINT_VENTURE, COUNCIL_COMPANY, GRANT, SOCIAL_ENTERPRISE, STAFF_MUTUAL, PARTNERSHIP, but this is "in_house".
        consulted       | ["service_users"]                                      | /consulted/0               | Each entry of consulted must be one of SERVICE_USERS, PROVIDERS, WARD_MEMBERS, STAFF, PARTNERS, but this is "service_users".
        fundingSources  | [{"source": "nhs"}]                                    | /fundingSources/0/source   | source must be one of COUNCIL_BUDGET, PUBLIC_HEALTH_GRANT, NHS, POLICE, EXTERNAL_GRANT, but was "nhs".
        eia             | {"completed": [{"kind": "service", "level": "FULL", "on": "2026-01-05"}]}  | /eia/completed/0/kind  | kind must be one of SERVICE, STAFFING, but was "service".
        eia             | {"completed": [{"kind": "SERVICE", "level": "full", "on": "2026-01-05"}]}  | /eia/completed/0/level | level must be one of SCREENING, FULL, but was "full".
        eia             | {"completed": [{"kind": "SERVICE", "level": "NONE", "on": "2026-01-05"}]}  | /eia/completed/0/level | level must be one of SCREENING, FULL, but was "NONE".
        """)
    void read_enumerationNotExactlyAsWritten_listsValidValues(String field, String json, String path, String message) {
      assertThat(errorsOf(proposal("P-1").with(field, json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0" + path, message));
    }

    @Test
    void read_everyEnumerationValue_isRead() {
      Proposal read = validOne(proposal("P-1")
          .with("changeType", "\"DECOMMISSION\"")
          .with("paymentModel", "\"PAYMENT_BY_RESULTS\"")
          .with("provider", "{\"name\": \"Acme\", \"sector\": \"IN_HOUSE\", \"performance\": \"REQUIRES_IMPROVEMENT\"}")
          .with("deliveryOptions", "[\"IN_HOUSE\", \"OUTSOURCE\", \"JOINT_VENTURE\", \"COUNCIL_COMPANY\", \"GRANT\","
              + " \"SOCIAL_ENTERPRISE\", \"STAFF_MUTUAL\", \"PARTNERSHIP\"]")
          .with("consulted", "[\"SERVICE_USERS\", \"PROVIDERS\", \"WARD_MEMBERS\", \"STAFF\", \"PARTNERS\"]")
          .with("fundingSources", "[{\"source\": \"COUNCIL_BUDGET\"}, {\"source\": \"PUBLIC_HEALTH_GRANT\"},"
              + " {\"source\": \"NHS\"}, {\"source\": \"POLICE\"}, {\"source\": \"EXTERNAL_GRANT\"}]")
          .with("eia", "{\"completed\": [{\"kind\": \"STAFFING\", \"level\": \"FULL\", \"on\": \"2026-01-05\"}]}"));

      assertThat(read.changeType()).isEqualTo(ChangeType.DECOMMISSION);
      assertThat(read.paymentModel()).isEqualTo(PaymentModel.PAYMENT_BY_RESULTS);
      assertThat(read.provider()).isEqualTo(new Provider("Acme", Sector.IN_HOUSE, Performance.REQUIRES_IMPROVEMENT, 0));
      assertThat(read.deliveryOptions()).containsExactly(DeliveryOption.values());
      assertThat(read.consulted()).containsExactly(Consultee.values());
      assertThat(read.fundingSources()).extracting(FundingSource::source).containsExactly(FundingType.values());
      assertThat(read.eia().completed()).containsExactly(
          new CompletedEia(EiaKind.STAFFING, EiaLevel.FULL, LocalDate.of(2026, 1, 5)));
    }
  }

  @Nested
  @DisplayName("numbers")
  class Numbers {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        annualValue       | -1           | /annualValue       | annualValue must be a whole number of at least 0, but was -1.
        annualValue       | 1.5          | /annualValue       | annualValue must be a whole number of at least 0, but was 1.5.
        annualValue       | "100"        | /annualValue       | annualValue must be a whole number of at least 0, but was "100".
        annualValue       | 99999999999999999999 | /annualValue | annualValue must be a whole number of at least 0, but was 99999999999999999999.
        termMonths        | -1           | /termMonths        | termMonths must be a whole number of at least 0 and at most 2147483647, but was -1.
        termMonths        | 1.5          | /termMonths        | termMonths must be a whole number of at least 0 and at most 2147483647, but was 1.5.
        termMonths        | "60"         | /termMonths        | termMonths must be a whole number of at least 0 and at most 2147483647, but was "60".
        termMonths        | 2147483648   | /termMonths        | termMonths must be a whole number of at least 0 and at most 2147483647, but was 2147483648.
        reductionPercent  | 0            | /reductionPercent  | reductionPercent must be a number above 0 and at most 100, but was 0.
        reductionPercent  | 100.5        | /reductionPercent  | reductionPercent must be a number above 0 and at most 100, but was 100.5.
        reductionPercent  | -5           | /reductionPercent  | reductionPercent must be a number above 0 and at most 100, but was -5.
        reductionPercent  | "50"         | /reductionPercent  | reductionPercent must be a number above 0 and at most 100, but was "50".
        fundingSources    | [{"source": "NHS", "annualAmount": -5}]  | /fundingSources/0/annualAmount | annualAmount must be a whole number of at least 0, but was -5.
        fundingSources    | [{"source": "NHS", "annualAmount": 0.5}] | /fundingSources/0/annualAmount | annualAmount must be a whole number of at least 0, but was 0.5.
        provider          | {"name": "Acme", "otherCouncilContracts": -1} | /provider/otherCouncilContracts | otherCouncilContracts must be a whole number of at least 0 and at most 2147483647, but was -1.
        staffing          | {"postsDeleted": -1}      | /staffing/postsDeleted      | postsDeleted must be a whole number of at least 0 and at most 2147483647, but was -1.
        staffing          | {"postsCreated": 1.5}     | /staffing/postsCreated      | postsCreated must be a whole number of at least 0 and at most 2147483647, but was 1.5.
        staffing          | {"postsRedesignated": "2"} | /staffing/postsRedesignated | postsRedesignated must be a whole number of at least 0 and at most 2147483647, but was "2".
        """)
    void read_numberOutOfRangeOrNotANumber_reportsTheValue(String field, String json, String path, String message) {
      assertThat(errorsOf(proposal("P-1").with(field, json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0" + path, message));
    }

    @Test
    void read_wholeNumbersAtLeastZero_areRead() {
      Proposal read = validOne(proposal("P-1")
          .with("annualValue", "0")
          .with("termMonths", "0")
          .with("fundingSources", "[{\"source\": \"NHS\", \"annualAmount\": 0}]")
          .with("provider", "{\"name\": \"Acme\", \"otherCouncilContracts\": 3}")
          .with("staffing", "{\"postsDeleted\": 4, \"postsCreated\": 0, \"postsRedesignated\": 2}"));

      assertThat(read.annualValue()).isZero();
      assertThat(read.termMonths()).isZero();
      assertThat(read.fundingSources()).containsExactly(new FundingSource(FundingType.NHS, null, 0L));
      assertThat(read.provider().otherCouncilContracts()).isEqualTo(3);
      assertThat(read.staffing()).isEqualTo(new Staffing(4, 0, 2, false));
    }

    @Test
    void read_largestValues_areRead() {
      Proposal read = validOne(proposal("P-1")
          .with("annualValue", "9223372036854775807")
          .with("termMonths", "2147483647"));

      assertThat(read.annualValue()).isEqualTo(Long.MAX_VALUE);
      assertThat(read.termMonths()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "reductionPercent = {0}")
    @ValueSource(strings = {"100", "0.5", "12.5", "33.333"})
    void read_reductionPercentAbove0AtMost100_isRead(String json) {
      Proposal read = validOne(proposal("P-1").with("changeType", "\"REDUCE\"").with("reductionPercent", json));

      assertThat(read.reductionPercent()).isEqualByComparingTo(new BigDecimal(json));
    }
  }

  @Nested
  @DisplayName("dates and booleans")
  class DatesAndBooleans {

    @ParameterizedTest(name = "startDate = {0}")
    @CsvSource(delimiter = '|', textBlock = """
        "2027-02-30"       | startDate must be a date in the form yyyy-MM-dd, but was "2027-02-30".
        "2027-02-29"       | startDate must be a date in the form yyyy-MM-dd, but was "2027-02-29".
        "27-04-01"         | startDate must be a date in the form yyyy-MM-dd, but was "27-04-01".
        20270401           | startDate must be a date in the form yyyy-MM-dd, but was 20270401.
        "2027-4-1"         | startDate must be a date in the form yyyy-MM-dd, but was "2027-4-1".
        "01/04/2027"       | startDate must be a date in the form yyyy-MM-dd, but was "01/04/2027".
        "2027-04-01T09:00" | startDate must be a date in the form yyyy-MM-dd, but was "2027-04-01T09:00".
        ""                 | startDate must be a date in the form yyyy-MM-dd, but was "".
        """)
    void read_startDateNotIso_reportsTheValue(String json, String message) {
      assertThat(errorsOf(proposal("P-1").with("startDate", json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0/startDate", message));
    }

    @ParameterizedTest(name = "on = {0}")
    @ValueSource(strings = {"\"2027-02-30\"", "\"27-04-01\"", "20270401"})
    void read_completedEiaOnNotIso_reportsTheValue(String json) {
      List<InputError> errors = errorsOf(proposal("P-1").with("eia",
          "{\"completed\": [{\"kind\": \"SERVICE\", \"level\": \"FULL\", \"on\": " + json + "}]}"));

      assertThat(errors).containsExactly(new InputError(0, "P-1", "/proposals/0/eia/completed/0/on",
          "on must be a date in the form yyyy-MM-dd, but was " + json + "."));
    }

    @Test
    void read_leapDay_isRead() {
      assertThat(validOne(proposal("P-1").with("startDate", "\"2028-02-29\"")).startDate())
          .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        risksAssessed                      | "true"                  | /risksAssessed                | risksAssessed must be true or false, but was "true".
        eligibilityChange                  | 1                       | /eligibilityChange            | eligibilityChange must be true or false, but was 1.
        commissionerManagesInHouseProvider | "no"                    | /commissionerManagesInHouseProvider | commissionerManagesInHouseProvider must be true or false, but was "no".
        staffing                           | {"tupeTransfer": "yes"} | /staffing/tupeTransfer        | tupeTransfer must be true or false, but was "yes".
        eia                                | {"assessorTrainingCurrent": 0} | /eia/assessorTrainingCurrent | assessorTrainingCurrent must be true or false, but was 0.
        """)
    void read_booleanNotTrueOrFalse_reportsTheValue(String field, String json, String path, String message) {
      assertThat(errorsOf(proposal("P-1").with(field, json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0" + path, message));
    }

    @Test
    void read_booleansTrue_areRead() {
      Proposal read = validOne(proposal("P-1")
          .with("risksAssessed", "true")
          .with("eligibilityChange", "true")
          .with("commissionerManagesInHouseProvider", "true")
          .with("staffing", "{\"tupeTransfer\": true}")
          .with("eia", "{\"assessorTrainingCurrent\": true}"));

      assertThat(read.risksAssessed()).isTrue();
      assertThat(read.eligibilityChange()).isTrue();
      assertThat(read.commissionerManagesInHouseProvider()).isTrue();
      assertThat(read.staffing().tupeTransfer()).isTrue();
      assertThat(read.eia().assessorTrainingCurrent()).isTrue();
    }
  }

  @Nested
  @DisplayName("unknown fields and wrong shapes")
  class Shapes {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        proposal        | fundingSource  | [{"source": "NHS"}]                                      | /fundingSource                 | Unknown field "fundingSource": the proposal format does not define it.
        provider        | provider       | {"name": "Acme", "rating": "GOOD"}                       | /provider/rating               | Unknown field "rating": the provider format does not define it.
        staffing        | staffing       | {"postsDeleted": 1, "postsLost": 1}                      | /staffing/postsLost            | Unknown field "postsLost": the staffing format does not define it.
        eia             | eia            | {"completed": [], "trainingCurrent": true}               | /eia/trainingCurrent           | Unknown field "trainingCurrent": the eia format does not define it.
        completed EIA   | eia            | {"completed": [{"kind": "SERVICE", "level": "FULL", "on": "2026-01-05", "by": "Sam"}]} | /eia/completed/0/by | Unknown field "by": the completed EIA format does not define it.
        funding source  | fundingSources | [{"source": "NHS"}, {"source": "NHS", "amount": 5}]      | /fundingSources/1/amount       | Unknown field "amount": the funding source format does not define it.
        slash and tilde | a/b~c          | 1                                                        | /a~1b~0c                       | Unknown field "a/b~c": the proposal format does not define it.
        """)
    void read_unknownField_namesTheFieldInPathAndMessage(
        String where, String field, String json, String path, String message) {
      assertThat(errorsOf(proposal("P-1").with(field, json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0" + path, message));
    }

    @Test
    void read_misspelledCompletedEiaDate_reportsTheUnknownFieldAndTheMissingOn() {
      List<InputError> errors = errorsOf(proposal("P-1").with("eia",
          "{\"completed\": [{\"kind\": \"SERVICE\", \"level\": \"FULL\", \"date\": \"2026-01-05\"}]}"));

      assertThat(errors).containsExactly(
          new InputError(0, "P-1", "/proposals/0/eia/completed/0/date",
              "Unknown field \"date\": the completed EIA format does not define it."),
          new InputError(0, "P-1", "/proposals/0/eia/completed/0/on",
              "on is required: a date in the form yyyy-MM-dd."));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        wards          | "Ashby"                | /wards               | wards must be a list, but was "Ashby".
        objectives     | {}                     | /objectives          | objectives must be a list, but was an object.
        deliveryOptions | "OUTSOURCE"           | /deliveryOptions     | deliveryOptions must be a list, but was "OUTSOURCE".
        fundingSources | {"source": "NHS"}      | /fundingSources      | fundingSources must be a list, but was an object.
        wards          | ["Ashby", ""]          | /wards/1             | Each entry of wards must be a non-empty text, but this is "".
        clientGroups   | [null]                 | /clientGroups/0      | Each entry of clientGroups must be a non-empty text, but this is null.
        partners       | ["CCG", 3]             | /partners/1          | Each entry of partners must be a non-empty text, but this is 3.
        fundingSources | [{"source": "NHS"}, 3] | /fundingSources/1    | Each entry of fundingSources must be an object, but this is 3.
        provider       | "Acme"                 | /provider            | provider must be an object, but was "Acme".
        staffing       | []                     | /staffing            | staffing must be an object, but was a list.
        eia            | true                   | /eia                 | eia must be an object, but was true.
        eia            | {"completed": {}}      | /eia/completed       | completed must be a list, but was an object.
        eia            | {"completed": ["SERVICE"]} | /eia/completed/0 | Each completed EIA must be an object, but this is "SERVICE".
        """)
    void read_wrongShape_reportsTheValue(String field, String json, String path, String message) {
      assertThat(errorsOf(proposal("P-1").with(field, json)))
          .containsExactly(new InputError(0, "P-1", "/proposals/0" + path, message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        42         | A proposal must be an object, but this is 42.
        null       | A proposal must be an object, but this is null.
        "P-2"      | A proposal must be an object, but this is "P-2".
        ["P-2"]    | A proposal must be an object, but this is a list.
        true       | A proposal must be an object, but this is true.
        """)
    void read_proposalNotAnObject_isAnErrorAtItsIndex(String json, String message) {
      Plan plan = READER.read(plan(proposal("P-1"), json, proposal("P-3")), "plan.json");

      assertThat(ids(plan)).containsExactly("P-1", "P-3");
      assertThat(plan.errors()).containsExactly(new InputError(1, null, "/proposals/1", message));
    }
  }

  @Nested
  @DisplayName("good and bad proposals together")
  class Mixed {

    @Test
    void read_goodAndBadProposals_keepsTheGoodInOrderAndReportsEveryBadOne() {
      Plan plan = READER.read(plan(
          proposal("A"),
          proposal("B").without("title").with("changeType", "\"reduce\""),
          "42",
          proposal("D"),
          proposal("E").without("id").with("wards", "\"Ashby\""),
          proposal("F").with("provider", "{\"name\": \"Acme\", \"sector\": \"vcs\"}"),
          proposal("G")), "plan.json");

      assertThat(ids(plan)).containsExactly("A", "D", "G");
      assertThat(plan.errors()).containsExactly(
          new InputError(1, "B", "/proposals/1/changeType",
              "changeType must be one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was \"reduce\"."),
          new InputError(1, "B", "/proposals/1/title", "title is required."),
          new InputError(2, null, "/proposals/2", "A proposal must be an object, but this is 42."),
          new InputError(4, null, "/proposals/4/id", "id is required."),
          new InputError(4, null, "/proposals/4/wards", "wards must be a list, but was \"Ashby\"."),
          new InputError(5, "F", "/proposals/5/provider/sector",
              "sector must be one of PRIVATE, VCS, PUBLIC, IN_HOUSE, but was \"vcs\"."));
    }

    @Test
    void read_errorsFoundOutOfOrder_areSortedByIndexThenPath() {
      Plan plan = READER.read(plan(
          proposal("A").with("zzz", "1").with("eia", "{\"completed\": [{}]}").with("annualValue", "-1"),
          proposal("B").with("wards", "[\"\"]").with("changeType", "\"new\"")), "plan.json");

      assertThat(plan.errors()).extracting(InputError::index, InputError::path).containsExactly(
          tuple(0, "/proposals/0/annualValue"),
          tuple(0, "/proposals/0/eia/completed/0/kind"),
          tuple(0, "/proposals/0/eia/completed/0/level"),
          tuple(0, "/proposals/0/eia/completed/0/on"),
          tuple(0, "/proposals/0/zzz"),
          tuple(1, "/proposals/1/changeType"),
          tuple(1, "/proposals/1/wards/0"));
    }

    @Test
    void read_manyProposals_indexesPastNine() {
      Object[] proposals = IntStream.range(0, 12)
          .mapToObj(i -> i == 11 ? proposal("P-" + i).with("title", "null") : proposal("P-" + i)).toArray();

      Plan plan = READER.read(plan(proposals), "plan.json");

      assertThat(plan.proposals()).hasSize(11);
      assertThat(plan.errors()).containsExactly(
          new InputError(11, "P-11", "/proposals/11/title", "title is required."));
    }
  }

  @Nested
  @DisplayName("duplicate ids")
  class DuplicateIds {
    private static final String TAKEN = "The id A is already used by an earlier proposal in the plan.";

    @Test
    void read_sameIdTwice_firstOwnsItAndTheSecondIsAnError() {
      Plan plan = READER.read(plan(proposal("A"), proposal("A").with("title", "\"Other\"")), "plan.json");

      assertThat(plan.proposals()).extracting(Proposal::title).containsExactly("Youth clubs");
      assertThat(plan.errors()).containsExactly(new InputError(1, "A", "/proposals/1/id", TAKEN));
    }

    @Test
    void read_sameIdThreeTimes_everyLaterOneIsAnError() {
      Plan plan = READER.read(plan(proposal("A"), proposal("B"), proposal("A"), proposal("A")), "plan.json");

      assertThat(ids(plan)).containsExactly("A", "B");
      assertThat(plan.errors()).containsExactly(
          new InputError(2, "A", "/proposals/2/id", TAKEN),
          new InputError(3, "A", "/proposals/3/id", TAKEN));
    }

    @Test
    void read_firstWithTheIdInvalid_stillOwnsIt() {
      Plan plan = READER.read(plan(proposal("A").without("title"), proposal("A")), "plan.json");

      assertThat(plan.proposals()).isEmpty();
      assertThat(plan.errors()).containsExactly(
          new InputError(0, "A", "/proposals/0/title", "title is required."),
          new InputError(1, "A", "/proposals/1/id", TAKEN));
    }

    @Test
    void read_laterDuplicateAlsoInvalid_reportsBoth() {
      Plan plan = READER.read(plan(proposal("A"), proposal("A").with("termMonths", "-1")), "plan.json");

      assertThat(ids(plan)).containsExactly("A");
      assertThat(plan.errors()).containsExactly(
          new InputError(1, "A", "/proposals/1/id", TAKEN),
          new InputError(1, "A", "/proposals/1/termMonths",
              "termMonths must be a whole number of at least 0 and at most 2147483647, but was -1."));
    }

    @Test
    void read_idsDifferingInCase_areDifferentIds() {
      Plan plan = READER.read(plan(proposal("A"), proposal("a")), "plan.json");

      assertThat(ids(plan)).containsExactly("A", "a");
      assertThat(plan.errors()).isEmpty();
    }
  }
}

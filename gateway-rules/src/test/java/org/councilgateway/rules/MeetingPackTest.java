package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Changes;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.MeetingPack;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The meeting pack as an HTML parser reads it: its parts in order, a section per proposal with every
 * finding and its citation, links that resolve, the structure accessibility needs, and nothing from a
 * plan that could act as markup. (MeetingPackBrowserIT checks it in a real browser.)
 */
class MeetingPackTest {
  private static final Path SAMPLE_PLAN = Path.of("../examples/src/main/resources/plans/sample-forward-plan.json");
  private static final Gateway GATEWAY = Gateway.bundled();

  private static PlanAssessment sample() {
    Plan plan = PlanReader.create().read(SAMPLE_PLAN);
    return GATEWAY.assess(plan, plan.asOf());
  }

  private static MeetingPack pack() {
    return MeetingPack.builder().councilName("North Lincolnshire Council").plan(SAMPLE_PLAN).build();
  }

  @Test
  void samplePlan_partsInTheirOrder_withOneHeadingOneAndHeadingsNeverSkippingALevel() throws IOException {
    PlanAssessment result = sample();
    String html = pack().write(result);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/meeting-pack-sample.html"), html);
    Document page = Jsoup.parse(html);

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">");
    assertThat(page.select("h1")).hasSize(1);
    int previous = 1;
    for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
      int level = heading.tagName().charAt(1) - '0';
      assertThat(level).as(heading.text()).isLessThanOrEqualTo(previous + 1);
      previous = level;
    }
    assertThat(page.select("h2").eachText()).containsExactly("Summary", "Across the forward plan", "Routing",
        "Proposals", "Proposals not assessed");
    assertThat(page.select("header").text()).contains("North Lincolnshire Council", "23 November 2026",
        "sample-forward-plan.json", result.ruleSetVersion()).containsPattern("[0-9a-f]{64}");
    assertThat(page.select("table caption").eachText()).contains("Annual value going to each route")
        .anyMatch(c -> c.startsWith("For the Strategic Commissioning and Procurement Group"))
        .anyMatch(c -> c.startsWith("For directorates"));
  }

  @Test
  void everyTable_hasACaption_andHeaderCellsWithScope() {
    Document page = Jsoup.parse(pack().write(sample()));

    assertThat(page.select("table")).isNotEmpty().allSatisfy(table -> assertThat(table.select("caption")).hasSize(1));
    assertThat(page.select("th")).isNotEmpty().allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
  }

  @Test
  void everyProposal_hasItsSection_withEveryFindingItsMessageAndCitation() {
    PlanAssessment result = sample();
    Document page = Jsoup.parse(pack().write(result));

    assertThat(page.select("section.proposal").eachAttr("id"))
        .containsExactlyElementsOf(result.assessments().stream().map(Assessment::proposalId).toList());
    for (Assessment a : result.assessments()) {
      Element section = page.getElementById(a.proposalId());
      assertThat(section.select("h3").text()).contains(a.proposal().title());
      List<Finding> findings = new java.util.ArrayList<>(a.scopeReasons());
      findings.addAll(a.impacts());
      a.eia().assessments().forEach(kind -> findings.addAll(kind.findings()));
      findings.addAll(a.eia().actions());
      findings.addAll(a.challenges());
      for (Finding f : findings) {
        assertThat(section.text()).as(a.proposalId() + " " + f.code()).contains(f.code(), f.message(), f.source(),
            "rule " + f.ruleId());
      }
      a.warnings().forEach(w -> assertThat(section.text()).contains(w.code(), w.message()));
      if (a.gate() != null) {
        assertThat(section.text()).contains((a.gate().ready() ? "Ready for " : "Not ready for ") + a.gate().stage());
      }
    }
  }

  @Test
  void everyFindingAcrossThePlan_namesItsProposalsByIdAndTitle_withLinksThatResolve() {
    PlanAssessment result = sample();
    Document page = Jsoup.parse(pack().write(result));

    Element across = page.select("section.across").first();
    assertThat(result.portfolio()).isNotEmpty();
    for (PortfolioFinding f : result.portfolio()) {
      assertThat(across.text()).contains(f.id() + " " + f.code(), f.message(), f.source(), f.ruleId());
      for (String id : f.proposalIds()) {
        assertThat(across.select("a[href=#" + id + "]")).isNotEmpty();
      }
    }
    for (Element link : page.select("a")) {
      assertThat(link.attr("href")).startsWith("#");
      assertThat(page.getElementById(java.net.URLDecoder.decode(link.attr("href").substring(1),
          java.nio.charset.StandardCharsets.UTF_8))).as(link.attr("href")).isNotNull();
    }
  }

  @Test
  void thePage_asksForNothingOutsideItself_andTheSameInputGivesTheSameBytes() {
    PlanAssessment result = sample();
    String html = pack().write(result);

    assertThat(html).doesNotContain("<script", "src=", "url(", "@import", "<link", "http://", "https://");
    assertThat(pack().write(sample())).isEqualTo(html);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    pack().write(result, bytes);
    assertThat(bytes.toByteArray()).as("written as UTF-8 bytes").isEqualTo(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void textFromAPlan_isShownAsText_neverAsMarkup() {
    Proposal hostile = Proposal.builder().id("X\"><script>alert(1)</script>").title("<img src=x onerror=alert(1)> \u001b[2J")
        .leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE").changeType(ChangeType.NEW).build();
    PlanAssessment result = GATEWAY.assess(Plan.of(List.of(hostile)), LocalDate.of(2026, 11, 23));

    String html = MeetingPack.builder().councilName("<b>Council</b>").plan("plan<1>.json", null).build().write(result);
    Document page = Jsoup.parse(html);

    assertThat(page.select("script, img, b")).isEmpty();
    assertThat(page.select("section.proposal").first().id()).isEqualTo("X\"><script>alert(1)</script>");
    assertThat(page.select("section.proposal h3").text()).contains("<img src=x onerror=alert(1)> \\u001b[2J");
    assertThat(page.select("header").text()).contains("<b>Council</b>", "plan<1>.json");
    assertThat(html).doesNotContain("\u001b");
    Element link = page.select("a").first();
    assertThat(page.getElementById(java.net.URLDecoder.decode(link.attr("href").substring(1),
        java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
  }

  @Test
  void controlCharactersInAnId_areShownEscapedInText_whileTheSectionKeepsTheIdItsLinksFind() {
    String id = "A\u001b[2J\nB\u202e";
    Proposal odd = Proposal.builder().id(id).title("Odd").leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE")
        .changeType(ChangeType.NEW).build();
    Document page = Jsoup.parse(MeetingPack.builder().build().write(GATEWAY.assess(Plan.of(List.of(odd)),
        LocalDate.of(2026, 11, 23))));

    Element section = page.select("section.proposal").first();
    assertThat(section.id()).isEqualTo(id);
    assertThat(section.select("h3 span.code").text()).isEqualTo("(A\\u001b[2J\\u000aB\\u202e)");
    Element link = page.select("section.routing a").first();
    assertThat(link.text()).isEqualTo("A\\u001b[2J\\u000aB\\u202e");
    assertThat(page.getElementById(java.net.URLDecoder.decode(link.attr("href").substring(1),
        java.nio.charset.StandardCharsets.UTF_8))).isSameAs(section);
  }

  @Test
  void errors_areListedWithIndexIdPathAndMessage() {
    Proposal ok = Proposal.builder().id("A").title("Fine").leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE")
        .changeType(ChangeType.NEW).build();
    Plan plan = new Plan(null, List.of(ok), List.of(new InputError(1, "B", "/proposals/1/changeType",
        "changeType must be one of NEW, RECOMMISSION, but found \"SCRAP\".")));
    Document page = Jsoup.parse(MeetingPack.builder().build().write(GATEWAY.assess(plan, LocalDate.of(2026, 11, 23))));

    Element errors = page.select("section.errors").first();
    assertThat(errors.select("tbody tr").first().select("td").eachText()).containsExactly("1", "B",
        "/proposals/1/changeType", "changeType must be one of NEW, RECOMMISSION, but found \"SCRAP\".");
    assertThat(page.select("section.summary").text()).contains("Proposals not assessed 1");
  }

  @Test
  void errorsFromASpreadsheet_showTheirCellAfterThePath() {
    Proposal ok = Proposal.builder().id("A").title("Fine").leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE")
        .changeType(ChangeType.NEW).build();
    Plan plan = new Plan(null, List.of(ok), List.of(new InputError(1, "B", "/proposals/1/changeType",
        "changeType must be one of NEW, RECOMMISSION, but was \"SCRAP\".", "'Forward <plan>'!E3")));
    Document page = Jsoup.parse(MeetingPack.builder().build().write(GATEWAY.assess(plan, LocalDate.of(2026, 11, 23))));

    assertThat(page.select("section.errors tbody tr").first().select("td").eachText()).containsExactly("1", "B",
        "/proposals/1/changeType ('Forward <plan>'!E3)", "changeType must be one of NEW, RECOMMISSION, but was \"SCRAP\".");
  }

  @Test
  void withChanges_theSummaryCountsThem_eachChangedProposalIsMarked_andWithdrawnOnesListed() {
    Proposal.Builder a = Proposal.builder().id("A").title("Kept").leadDirectorate("PEOPLE")
        .serviceArea("ADULT_SOCIAL_CARE").changeType(ChangeType.NEW).annualValue(100_000L);
    PlanAssessment before = GATEWAY.assess(Plan.of(List.of(a.build(), a.id("GONE").title("Withdrawn").build())),
        LocalDate.of(2026, 10, 1));
    PlanAssessment after = GATEWAY.assess(Plan.of(List.of(a.id("A").title("Kept").annualValue(2_000_000L).build(),
        a.id("NEW-1").title("Added").annualValue(100_000L).build())), LocalDate.of(2026, 11, 23));

    Document page = Jsoup.parse(MeetingPack.builder().changes(Changes.between(before, after)).build().write(after));

    assertThat(page.select("section.summary").text()).contains("Changes since 1 October 2026",
        "1 new, 1 changed, 0 unchanged, 1 withdrawn", "GONE");
    assertThat(page.getElementById("A").select(".changed").text()).contains("Changed since 1 October 2026",
        "keyDecision: false to true");
    assertThat(page.getElementById("NEW-1").select(".changed").text()).contains("New since 1 October 2026");
    assertThat(page.select("table").get(1).select("thead th").last().text()).isEqualTo("Since");
  }
}

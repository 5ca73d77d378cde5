package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The meeting pack, {@code gateway assess PLAN --format html -o FILE}, as the people at the meeting get
 * it: written by the shaded jar in a process of its own, opened from a file in headless Chromium,
 * checked with axe-core, screenshot at 1280 pixels wide and printed to A4. The files are left in
 * {@code examples/target/meeting-pack/} to look at. The browser tests are skipped, with a message,
 * where Chromium and chromedriver are missing ({@link Browser}); the test of identical bytes runs
 * everywhere.
 */
class MeetingPackBrowserIT {
  private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"));
  private static final Path SAMPLE = Path.of("src/main/resources/plans/sample-forward-plan.json");
  private static final Path OUT = JAR.toAbsolutePath().getParent().resolve("meeting-pack");
  private static final Path PACK = OUT.resolve("meeting-pack.html");

  /** A proposal of the sample plan, as the pack must show it. */
  record Proposal(String id, String title) {}

  static List<Proposal> sampleProposals() throws IOException {
    List<Proposal> proposals = new ArrayList<>();
    for (JsonNode proposal : new ObjectMapper().readTree(SAMPLE.toFile()).get("proposals")) {
      proposals.add(new Proposal(proposal.get("id").asText(), proposal.get("title").asText()));
    }
    assertThat(proposals).as("the sample plan's proposals").isNotEmpty();
    return proposals;
  }

  /** Writes the meeting pack of the sample plan to a file, with the jar, and checks that it did. */
  static Path writePack(Path html) throws IOException, InterruptedException {
    Files.createDirectories(html.toAbsolutePath().getParent());
    Files.deleteIfExists(html);
    Run run = GatewayJarIT.gateway("assess", SAMPLE.toString(), "--format", "html", "-o", html.toString());
    assertThat(run.exit()).as("exit of assess --format html -o; stderr: %s", run.err()).isZero();
    assertThat(html).as("the meeting pack").isNotEmptyFile();
    GatewayJarIT.noStackTrace(run);
    return html;
  }

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("the shaded jar; run mvn package first").exists();
  }

  @Test
  void assessHtml_samplePlanTwice_isTheSameBytes(@TempDir Path dir) throws Exception {
    byte[] first = Files.readAllBytes(writePack(dir.resolve("first.html")));
    byte[] second = Files.readAllBytes(writePack(dir.resolve("second.html")));

    assertThat(Files.mismatch(dir.resolve("first.html"), dir.resolve("second.html")))
        .as("the first byte at which two runs' packs differ (-1: none)").isEqualTo(-1L);
    assertThat(second).isEqualTo(first);
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class InChromium {
    private Browser browser;
    private List<Proposal> proposals;

    @BeforeAll
    void writeThePackAndStartTheBrowser() throws Exception {
      if (Browser.installed()) {
        browser = Browser.start();
        proposals = sampleProposals();
        writePack(PACK);
      }
    }

    @AfterAll
    void stopTheBrowser() {
      if (browser != null) {
        browser.close();
      }
    }

    @BeforeEach
    void openThePack() {
      Browser.assumeInstalled();
      browser.open(PACK);
    }

    /** The page `diff --format html` writes for a change request: the pack's style, as accessible. */
    @Test
    void diffPage_ofARaisedKeyDecisionValue_hasNoAccessibilityViolationsAndFetchesNothing() throws Exception {
      Path rules = org.councilgateway.RuleSet.exportBundled(PACK.resolveSibling("diff-rules-" + System.nanoTime()));
      Path data = rules.resolve("reference-data.yaml");
      Files.writeString(data, Files.readString(data).replace("keyDecisionValue: 350000", "keyDecisionValue: 500000"));
      Path page = PACK.resolveSibling("diff.html");
      Run run = GatewayJarIT.gateway("diff", SAMPLE.toString(), "--rules", rules.toString(), "--format", "html", "-o",
          page.toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      browser.open(page);

      assertThat(browser.axe()).as("axe-core violations").isEmpty();
      assertThat(browser.requestsSent()).isEmpty();
      assertThat(browser.script("return document.documentElement.getAttribute('lang');")).isEqualTo("en-GB");
      assertThat(browser.script("return document.body.innerText;")).asString().contains("LD-2027-015", "LD-2027-016");
    }

    /**
     * SECURITY.md: text from a plan is shown as text in the pack, never run. Each payload, if it ran,
     * would change the page's title (the marker) or ask 127.0.0.1 for an image.
     */
    @Test
    void pack_ofAHostilePlan_runsNothingAndFetchesNothing() throws Exception {
      Path hostile = PACK.resolveSibling("hostile-pack.html");
      Run run = GatewayJarIT.gateway("assess", "src/test/resources/plans/hostile-pack.json", "--format", "html", "-o",
          hostile.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      browser.open(hostile);

      assertThat(browser.script("return document.title;")).asString().doesNotContain("PWNED")
          .startsWith("Programme gateway");
      assertThat(browser.requestsSent()).as("requests the browser sent").isEmpty();
      assertThat(browser.script("return document.querySelectorAll('script, img, svg, b').length;")).isEqualTo(0L);
      assertThat(browser.script("return Array.from(document.querySelectorAll('section.proposal')).map(s => s.id);"))
          .asList().containsExactly("X\"><img src=http://127.0.0.1:9/id onerror=\"document.title='PWNED-ID'\">", "Y-1");
      assertThat(browser.unresolvedInPageLinks()).isEmpty();
      assertThat(browser.inPageLinkCount()).isPositive();
    }

    @Test
    void pack_sendsNoRequestAndCarriesNoScript() {
      assertThat(browser.resourcesLoaded()).as("performance.getEntriesByType('resource'): what the pack fetched")
          .isEmpty();
      assertThat(browser.requestsSent()).as("requests the browser sent for the pack").isEmpty();
      assertThat(browser.script("return document.querySelectorAll('script').length;"))
          .as("script elements in the pack").isEqualTo(0L);
      assertThat(browser.script("return document.documentElement.getAttribute('lang');"))
          .as("the html element's lang").isEqualTo("en-GB");
    }

    @Test
    void pack_hasNoAccessibilityViolations() {
      List<Browser.Violation> violations = browser.axe();

      assertThat(violations).as(Browser.describe(violations)).isEmpty();
    }

    @Test
    void pack_hasAVisibleSectionForEachProposalWithItsTitle() {
      List<String> faults = new ArrayList<>();
      for (Proposal proposal : proposals) {
        List<WebElement> found = browser.driver().findElements(By.id(proposal.id()));
        if (found.size() != 1) {
          faults.add(proposal.id() + ": " + found.size() + " elements have this id, not 1");
          continue;
        }
        WebElement section = found.get(0);
        String text = section.getDomProperty("textContent");
        if (!section.getTagName().equalsIgnoreCase("section")) {
          faults.add(proposal.id() + ": the element with this id is a " + section.getTagName() + ", not a section");
        }
        if (!section.isDisplayed()) {
          faults.add(proposal.id() + ": its section is not displayed");
        }
        if (text == null || !text.replaceAll("\\s+", " ").contains(proposal.title())) {
          faults.add(proposal.id() + ": its section does not contain the title \"" + proposal.title() + "\"");
        }
      }

      assertThat(faults).as("the %d proposals of %s, each a visible section with its title:%n  %s",
          proposals.size(), SAMPLE, String.join("\n  ", faults)).isEmpty();
    }

    @Test
    void pack_everyInPageLinkLeadsToAnElement() {
      assertThat(browser.unresolvedInPageLinks()).as("a[href^='#'] whose id no element has").isEmpty();
      assertThat(proposals).as("a proposal some in-page link (a portfolio finding's) leads to")
          .anyMatch(proposal -> !browser.driver().findElements(By.cssSelector("a[href='#" + proposal.id() + "']")).isEmpty());
    }

    @Test
    void pack_everyTableHasACaption() {
      assertThat(browser.script("""
          return Array.from(document.querySelectorAll('table'))
              .filter(table => !table.caption || table.caption.textContent.trim() === '')
              .map(table => table.outerHTML.slice(0, 120));"""))
          .as("tables without a caption").asList().isEmpty();
    }

    @Test
    void pack_screenshotAt1280PixelsWide() throws Exception {
      Path png = browser.screenshot(OUT.resolve("meeting-pack-1280.png"));

      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(Browser.WIDTH);
      assertThat(image.getHeight()).isPositive();
    }

    @Test
    void pack_printsToA4WithAPageOrMoreForEachProposal() {
      Browser.Paper paper = Browser.paper(browser.printA4(OUT.resolve("meeting-pack.pdf")));

      assertThat(paper.pages()).as("pages printed; each proposal's section starts a page")
          .isGreaterThanOrEqualTo(proposals.size());
      assertThat(paper.width()).as("the first page's width in points (A4: 595)").isCloseTo(595f, within(1f));
      assertThat(paper.height()).as("the first page's height in points (A4: 842)").isCloseTo(842f, within(1f));
    }
  }
}

package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser rig ({@link Browser}) checked on two pages of its own: one sound, which must pass every
 * check, and one with faults planted, which each check must catch, so that a pass of the meeting pack
 * means something. Skipped, as every browser test is, where there is no headless Chromium.
 */
class BrowserRigIT {
  private static final Path FIXTURES = Path.of("src/test/resources/browser");
  private static final Path OUT = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"))
      .toAbsolutePath().getParent().resolve("browser-rig");

  private static Browser browser;

  @BeforeAll
  static void startBrowser() {
    if (Browser.installed()) {
      browser = Browser.start();
    }
  }

  @BeforeEach
  void browserIsInstalled() {
    Browser.assumeInstalled();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void soundPage_passesEveryCheck() throws Exception {
    browser.open(FIXTURES.resolve("good.html"));

    assertThat(browser.requestsSent()).as("requests the page sent").isEmpty();
    assertThat(browser.resourcesLoaded()).as("resources the page loaded").isEmpty();
    List<Browser.Violation> violations = browser.axe();
    assertThat(violations).as(Browser.describe(violations)).isEmpty();
    assertThat(browser.inPageLinkCount()).isEqualTo(4);
    assertThat(browser.unresolvedInPageLinks()).isEmpty();

    BufferedImage png = ImageIO.read(browser.screenshot(OUT.resolve("good-1280.png")).toFile());
    assertThat(png.getWidth()).isEqualTo(Browser.WIDTH);
    Browser.Paper paper = Browser.paper(browser.printA4(OUT.resolve("good.pdf")));
    assertThat(paper.pages()).as("the heading, then each of two sections on a page of its own").isEqualTo(3);
    assertThat(paper.width()).isCloseTo(595f, within(1f));
    assertThat(paper.height()).isCloseTo(842f, within(1f));
  }

  @Test
  void pageWithFaults_failsEachCheck() {
    browser.open(FIXTURES.resolve("bad.html"));

    assertThat(browser.requestsSent()).containsExactly("http://127.0.0.1:9/pixel.png");
    List<Browser.Violation> violations = browser.axe();
    assertThat(violations).extracting(Browser.Violation::id).contains("image-alt", "color-contrast");
    assertThat(Browser.describe(violations))
        .contains("image-alt (critical): Images must have alternative text")
        .contains("color-contrast (serious)")
        .contains("- p:nth-child(2) > img  <img src=")
        .contains("Text too faint to read.");
    assertThat(browser.unresolvedInPageLinks()).containsExactly("#nowhere");
  }
}

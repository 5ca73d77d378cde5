package org.councilgateway.cli;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Headless Chromium, driven through chromedriver, for tests of the HTML the command writes: open a
 * file, check it with axe-core, look for in-page links that lead nowhere and for network requests,
 * screenshot the whole page, print it to an A4 PDF.
 *
 * <p>The browser and its driver are the system's: {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver} (Debian's chromium and chromium-driver packages), or the files the
 * environment variables {@code CHROME_BIN} and {@code CHROMEDRIVER} name. Nothing is downloaded.
 * Without them {@link #assumeInstalled()} and {@link #start()} skip the calling test (a JUnit
 * assumption) with a message saying what to install. Each browser has a fresh profile in a temporary directory, removed by {@link #close()}.
 */
final class Browser implements AutoCloseable {
  /** axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules {@link #axe()} runs. */
  static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  /** The window's width in CSS pixels, and so the width of {@link #screenshot(Path)}. */
  static final int WIDTH = 1280;
  static final int HEIGHT = 1024;
  /** Chromium's command-line flags, beside the profile directory and the window size. */
  static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");

  private static final Path DEFAULT_CHROME = Path.of("/usr/bin/chromium");
  private static final Path DEFAULT_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Quiets Selenium's warning, at each start, that it has no DevTools classes for this Chromium's
   * version: none are needed, as the only DevTools commands sent go through chromedriver ({@code
   * executeCdpCommand}). Held here, since java.util.logging keeps its loggers only weakly.
   */
  private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
  private static final Set<String> LOCAL_SCHEMES = Set.of("data:", "about:", "blob:", "chrome:", "chrome-extension:",
      "devtools:");

  private static final AtomicBoolean SKIP_TOLD = new AtomicBoolean();

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Whether the browser and its driver are here, so that {@link #start()} can start them. */
  static boolean installed() {
    return missing().isEmpty();
  }

  /**
   * Skips the calling test, with a message saying what to install, when the browser or its driver is
   * missing. Call it from each test (or a {@code @BeforeEach}): a build's report counts and explains
   * skipped tests, but not a skip in {@code @BeforeAll}, which it shows as no tests at all.
   */
  static void assumeInstalled() {
    List<Path> missing = missing();
    if (missing.isEmpty()) {
      return;
    }
    String message = "Skipped: headless Chromium not found (" + chrome() + ", " + chromedriver() + "; missing: "
        + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
        + "); install the Debian packages chromium and chromium-driver, as .ci/run does,"
        + " or name the binaries in CHROME_BIN and CHROMEDRIVER";
    if (!SKIP_TOLD.getAndSet(true)) {
      System.err.println(message); // once, in the build's output: the reports alone keep the reason
    }
    Assumptions.abort(message);
  }

  private static List<Path> missing() {
    return Stream.of(chrome(), chromedriver()).filter(path -> !Files.isExecutable(path)).toList();
  }

  private static Path chrome() {
    return binary("CHROME_BIN", DEFAULT_CHROME);
  }

  private static Path chromedriver() {
    return binary("CHROMEDRIVER", DEFAULT_CHROMEDRIVER);
  }

  /**
   * Starts headless Chromium, or skips the test that asked ({@link #assumeInstalled()}) when the
   * browser or its driver is missing.
   *
   * @return the browser; close it
   */
  static Browser start() {
    assumeInstalled();
    Path chrome = chrome();
    Path chromedriver = chromedriver();
    Path profile;
    try {
      profile = Files.createTempDirectory("gateway-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chrome.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL); // every Network.requestWillBeSent, for requestsSent()
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
      return new Browser(profile, service, driver);
    } catch (RuntimeException e) {
      service.stop();
      delete(profile);
      throw e;
    }
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static Path binary(String variable, Path fallback) {
    String named = System.getenv(variable);
    return named == null || named.isBlank() ? fallback : Path.of(named);
  }

  /** The driver, for what this class does not do itself. */
  ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens a file, and waits for it to load.
   *
   * @param file the HTML file
   */
  void open(Path file) {
    driver.get("about:blank"); // leaves the page before, or the start-up tab, which may still be loading
    requestsSent(); // reads and so empties the log of what they asked for
    driver.get(file.toAbsolutePath().toUri().toString());
  }

  /**
   * Runs the JavaScript in the page, as Selenium's executeScript: the body of a function, {@code
   * arguments} its arguments, and what it returns is the answer.
   */
  Object script(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /** A rule axe-core found broken, and where. */
  record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
    /** One element that breaks the rule: its CSS selector(s), its markup and axe-core's summary. */
    record Node(String target, String html, String summary) {}

    /** The violation in a few lines, for an assertion's message. */
    String describe() {
      StringBuilder text = new StringBuilder()
          .append(id).append(" (").append(impact).append("): ").append(help).append(" <").append(helpUrl).append(">");
      for (Node node : nodes) {
        text.append("\n    - ").append(node.target()).append("  ").append(shorten(node.html(), 160));
        if (node.summary() != null && !node.summary().isBlank()) {
          text.append("\n       ").append(node.summary().strip().replace("\n", "\n       "));
        }
      }
      return text.toString();
    }
  }

  /**
   * Checks the open page with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA ({@link #WCAG_TAGS}).
   *
   * @return the violations, none when the page passes
   */
  List<Violation> axe() {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed on " + results.getUrl() + ": " + results.getErrorMessage());
    }
    List<Violation> violations = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      List<Violation.Node> nodes = new ArrayList<>();
      for (CheckedNode node : rule.getNodes()) {
        nodes.add(new Violation.Node(target(node.getTarget()), node.getHtml(), node.getFailureSummary()));
      }
      violations.add(new Violation(rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl(), List.copyOf(nodes)));
    }
    return List.copyOf(violations);
  }

  /** Violations one after another, for an assertion's message; "no violations" when there are none. */
  static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "no violations";
    }
    return violations.size() + " axe-core violation(s) of " + String.join(", ", WCAG_TAGS) + ":\n"
        + violations.stream().map(violation -> "  " + violation.describe()).collect(Collectors.joining("\n"));
  }

  /**
   * The {@code href} of each link to a place in the page ({@code a[href^='#']}) that leads nowhere: no
   * element has the id it names (an empty fragment, {@code href="#"}, names none).
   *
   * @return the hrefs, each once, in document order; empty when every in-page link resolves
   */
  List<String> unresolvedInPageLinks() {
    Object hrefs = script("""
        return Array.from(document.querySelectorAll("a[href^='#']"))
            .map(a => a.getAttribute('href'))
            .filter(href => {
              let id = href.slice(1);
              try { id = decodeURIComponent(id); } catch (e) { return true; }
              return id === '' || document.getElementById(id) === null;
            });""");
    return strings(hrefs).stream().distinct().toList();
  }

  /** How many links to a place in the page ({@code a[href^='#']}) the open page has. */
  long inPageLinkCount() {
    return ((Number) script("return document.querySelectorAll(\"a[href^='#']\").length;")).longValue();
  }

  /**
   * What the open page fetched, as the page's own Performance API records it ({@code
   * performance.getEntriesByType('resource')}): stylesheets, images, scripts, fonts, frames, fetches.
   * {@code data:} URLs, which are part of the page, are left out.
   */
  List<String> resourcesLoaded() {
    return strings(script("return performance.getEntriesByType('resource').map(entry => entry.name);")).stream()
        .filter(url -> !url.startsWith("data:")).toList();
  }

  /**
   * Every request the browser sent since the page was opened, other than for the page itself, as
   * Chromium's DevTools network events record them (failed ones too, which the Performance API may
   * leave out). URLs that touch no network are left out: {@code data:}, {@code about:}, {@code blob:}
   * and the browser's own ({@code chrome:}, {@code chrome-extension:}, {@code devtools:}). Reading the
   * log empties it.
   */
  List<String> requestsSent() {
    String page = driver.getCurrentUrl();
    Set<String> urls = new LinkedHashSet<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          String url = message.path("params").path("request").path("url").asText();
          if (!url.equals(page) && !LOCAL_SCHEMES.contains(url.replaceFirst(":.*", ":"))) {
            urls.add(url);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(urls);
  }

  /**
   * A screenshot of the whole page, {@link #WIDTH} CSS pixels wide and as tall as the page, at one
   * device pixel to the CSS pixel.
   *
   * @param png the PNG file to write; its directory is made when missing
   * @return the file
   */
  Path screenshot(Path png) {
    Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH,
        "height", Math.max(1, height.intValue()), "deviceScaleFactor", 1, "mobile", false));
    try {
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
          Map.of("format", "png", "fromSurface", true, "captureBeyondViewport", true));
      return write(png, Base64.getDecoder().decode((String) shot.get("data")));
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * Prints the open page to PDF, as a person printing it would: ISO A4 paper, backgrounds printed.
   *
   * @param pdf the PDF file to write; its directory is made when missing
   * @return the file
   */
  Path printA4(Path pdf) {
    Pdf printed = driver.print(new PrintOptions().setPageSize(PageSize.ISO_A4).setBackground(true));
    return write(pdf, Base64.getDecoder().decode(printed.getContent()));
  }

  /** What {@link #paper(Path)} reads from a PDF: its page count and its first page's media box, in points. */
  record Paper(int pages, float width, float height) {}

  /**
   * Reads a PDF's page count and the size of its first page.
   *
   * @param pdf a PDF file, such as {@link #printA4(Path)} writes
   * @return what it holds
   */
  static Paper paper(Path pdf) {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDRectangle box = document.getPage(0).getMediaBox();
      return new Paper(document.getNumberOfPages(), box.getWidth(), box.getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      delete(profile);
    }
  }

  /** axe-core's target: a list of CSS selectors, one a frame or shadow root deeper than the one before. */
  private static String target(Object target) {
    return target instanceof List<?> selectors
        ? selectors.stream().map(String::valueOf).collect(Collectors.joining(" >>> "))
        : String.valueOf(target);
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private static String shorten(String text, int length) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ");
    return line.length() <= length ? line : line.substring(0, length - 1) + "…";
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a profile left in the temporary directory is no reason to fail a test
    }
  }
}

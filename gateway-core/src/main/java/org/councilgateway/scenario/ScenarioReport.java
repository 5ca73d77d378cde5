package org.councilgateway.scenario;

import java.util.List;

import org.councilgateway.RuleInfo;
import org.councilgateway.internal.Text;

/**
 * Writes scenario results for a person: a line per scenario, and expected versus actual for a
 * failure. Control characters from the files are shown as escapes, so no value forges a line.
 */
public final class ScenarioReport {
  private ScenarioReport() {}

  /**
   * Describes a failed scenario: what was expected and what came out, and which rules fired.
   *
   * @param result the result
   * @return the description, several lines
   */
  public static String failure(ScenarioResult result) {
    StringBuilder out = new StringBuilder();
    out.append("Scenario \"").append(Text.escape(result.scenario().name())).append("\" (")
        .append(Text.escape(result.scenario().file())).append(") failed:\n");
    result.failures().forEach(f -> out.append("  - ").append(Text.escape(f)).append('\n'));
    out.append("  What came out:\n");
    result.actual().forEach(a -> out.append("    ").append(Text.escape(a)).append('\n'));
    return out.toString();
  }

  /**
   * Writes a whole run: each scenario's result, the rules no scenario fired, and the closing line
   * {@code N passed, N failed}.
   *
   * @param report the run
   * @return the text
   */
  public static String text(ScenarioRunner.Report report) {
    StringBuilder out = new StringBuilder();
    for (ScenarioResult result : report.results()) {
      if (result.passed()) {
        out.append("PASS ").append(Text.escape(result.scenario().name())).append('\n');
      } else {
        out.append("FAIL ").append(failure(result));
      }
    }
    out.append('\n');
    if (report.unfired().isEmpty()) {
      out.append("Rule coverage: 100% (every one of the ").append(report.ruleCount()).append(" rules fired in some scenario)\n");
    } else {
      out.append(String.format("Rule coverage: %.1f%%; %d rule(s) no scenario made fire:%n", report.coverage(), report.unfired().size()));
      for (RuleInfo rule : report.unfired()) {
        out.append("  ").append(Text.escape(rule.id())).append(" \"").append(Text.escape(rule.name())).append("\" (")
            .append(Text.escape(rule.file())).append(':')
            .append(rule.line()).append(")\n");
      }
    }
    out.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
    return out.toString();
  }

  /** A JUnit XML timestamp: to the second, seconds always written, as the schema's pattern requires. */
  private static final java.time.format.DateTimeFormatter JUNIT_TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT);

  /**
   * Writes a whole run as JUnit XML, the test-result format CI servers read: a {@code testsuite} per
   * scenario file, a {@code testcase} per scenario and proposal expectation (named
   * {@code "SCENARIO: PROPOSAL"}), and one named {@code "SCENARIO: plan"} for the expectations about
   * the plan as a whole (findings across it, invalid proposals) or a scenario without proposal
   * expectations; each failed expectation a {@code failure} with what was expected and what came
   * out. Rule coverage is written as properties of each suite. Text from the files has its control
   * characters escaped, as XML 1.0 cannot hold them.
   *
   * @param report the run
   * @param timestamp when the run happened, written on each suite
   * @param hostname the machine it ran on, written on each suite
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void junitXml(ScenarioRunner.Report report, java.time.LocalDateTime timestamp, String hostname,
      java.io.Writer out) {
    java.util.Map<String, java.util.List<ScenarioResult>> byFile = new java.util.LinkedHashMap<>();
    for (ScenarioResult result : report.results()) {
      byFile.computeIfAbsent(result.scenario().file(), file -> new java.util.ArrayList<>()).add(result);
    }
    try {
      javax.xml.stream.XMLStreamWriter xml = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      List<Case> all = new java.util.ArrayList<>();
      java.util.Map<String, List<Case>> cases = new java.util.LinkedHashMap<>();
      byFile.forEach((file, results) -> {
        List<Case> found = new java.util.ArrayList<>();
        results.forEach(result -> found.addAll(cases(result)));
        cases.put(file, found);
        all.addAll(found);
      });
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "gateway test");
      xml.writeAttribute("tests", Integer.toString(all.size()));
      xml.writeAttribute("failures", Long.toString(all.stream().filter(c -> !c.failures().isEmpty()).count()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", "0");
      xml.writeCharacters("\n");
      int id = 0;
      for (java.util.Map.Entry<String, List<Case>> suite : cases.entrySet()) {
        List<Case> found = suite.getValue();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Text.escape(suite.getKey()));
        xml.writeAttribute("tests", Integer.toString(found.size()));
        xml.writeAttribute("failures", Long.toString(found.stream().filter(c -> !c.failures().isEmpty()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        // Seconds always written, as the schema wants: LocalDateTime.toString() leaves out ":00".
        xml.writeAttribute("timestamp", JUNIT_TIMESTAMP.format(timestamp));
        xml.writeAttribute("hostname", Text.escape(hostname));
        xml.writeAttribute("id", Integer.toString(id++));
        xml.writeAttribute("package", "gateway");
        xml.writeCharacters("\n");
        xml.writeStartElement("properties");
        property(xml, "ruleCoverage", String.format(java.util.Locale.ROOT, "%.1f", report.coverage()));
        property(xml, "rulesNotFired", Text.escape(String.join(",", report.unfired().stream().map(RuleInfo::id).toList())));
        xml.writeEndElement();
        xml.writeCharacters("\n");
        for (Case c : found) {
          xml.writeStartElement("testcase");
          xml.writeAttribute("name", Text.escape(c.name()));
          xml.writeAttribute("classname", Text.escape(suite.getKey()));
          xml.writeAttribute("time", "0");
          if (!c.failures().isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", Text.escape(String.join("; ", c.failures())));
            xml.writeAttribute("type", "ScenarioFailure");
            StringBuilder text = new StringBuilder();
            c.failures().forEach(f -> text.append(Text.escape(f)).append('\n'));
            text.append("What came out:\n");
            c.actual().forEach(a -> text.append("  ").append(Text.escape(a)).append('\n'));
            xml.writeCharacters(text.toString());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
        xml.writeEmptyElement("system-out");
        xml.writeEmptyElement("system-err");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      out.flush();
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new java.io.UncheckedIOException(new java.io.IOException(e));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A test case: its name, the failures that belong to it, and what came out. */
  private record Case(String name, List<String> failures, List<String> actual) {}

  /** A scenario's test cases: one per proposal expectation, and one for the plan when needed. */
  private static List<Case> cases(ScenarioResult result) {
    Scenario scenario = result.scenario();
    List<Case> cases = new java.util.ArrayList<>();
    List<String> unclaimed = new java.util.ArrayList<>(result.failures());
    for (Expectation expected : scenario.expectations()) {
      String prefix = expected.proposalId() + ": ";
      List<String> mine = unclaimed.stream().filter(f -> f.startsWith(prefix)).toList();
      unclaimed.removeAll(mine);
      cases.add(new Case(scenario.name() + ": " + expected.proposalId(),
          mine.stream().map(f -> f.substring(prefix.length())).toList(), result.actual()));
    }
    boolean planExpectations = !scenario.portfolioPresent().isEmpty() || !scenario.portfolioAbsent().isEmpty()
        || scenario.errors() != null || scenario.expectations().isEmpty();
    if (planExpectations || !unclaimed.isEmpty()) {
      cases.add(new Case(scenario.name() + ": plan", unclaimed, result.actual()));
    }
    return cases;
  }

  private static void property(javax.xml.stream.XMLStreamWriter xml, String name, String value)
      throws javax.xml.stream.XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }
}

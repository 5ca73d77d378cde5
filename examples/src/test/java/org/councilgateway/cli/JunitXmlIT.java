package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code gateway test --junit-xml}: results a CI server reads, from the real jar in its own process. */
class JunitXmlIT {
  private static final Path SCHEMA = Path.of("src/test/resources/junit/junit-results.xsd");
  private static final Path SCENARIOS = Path.of("../gateway-rules/src/main/scenarios");

  @TempDir
  Path dir;

  /** Validates the file against the JUnit XML schema CI servers read, and parses it. */
  private static Document read(Path xml) throws Exception {
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMA.toFile()).newValidator()
        .validate(new StreamSource(xml.toFile()));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  private static List<Element> elements(Document document, String name) {
    NodeList nodes = document.getElementsByTagName(name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  @Test
  void theBundledScenarios_passing_areOneTestcasePerProposalExpectation_inAValidDocument() throws Exception {
    Path xml = dir.resolve("results.xml");

    Run run = gateway("test", "--junit-xml", xml.toString(), SCENARIOS.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Document document = read(xml);
    List<Element> cases = elements(document, "testcase");
    assertThat(cases).hasSizeGreaterThan(100);
    assertThat(elements(document, "failure")).isEmpty();
    Element root = document.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    assertThat(cases).extracting(c -> c.getAttribute("name"))
        .anyMatch(name -> name.endsWith(": NL-2027-003"));
    assertThat(elements(document, "property")).anyMatch(p -> p.getAttribute("name").equals("ruleCoverage")
        && p.getAttribute("value").equals("100.0"));
  }

  @Test
  void aFailingScenario_isAFailureOnItsProposal_withExpectedAndActual_andCoverageStillPrinted() throws Exception {
    Path scenario = dir.resolve("wrong.yaml");
    Files.writeString(scenario, """
        name: A leisure centre that is not a key decision
        asOf: 2026-11-23
        proposals:
          - {id: L-1, title: Leisure, leadDirectorate: PLACES, serviceArea: LEISURE, changeType: RECOMMISSION,
             annualValue: 2000000}
        expect:
          L-1:
            keyDecision: false
            present: [CHALLENGE_RISKS]
        """);
    Path xml = dir.resolve("results.xml");

    Run run = gateway("test", "--junit-xml", xml.toString(), "--coverage-min", "100", scenario.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL ", "Rule coverage: ", "0 passed, 1 failed");
    assertThat(run.err()).contains("is below the required 100.0%; no scenario made these fire: GW-");
    Document document = read(xml);
    List<Element> failures = elements(document, "failure");
    assertThat(failures).hasSize(1);
    Element testcase = (Element) failures.get(0).getParentNode();
    assertThat(testcase.getAttribute("name")).isEqualTo("A leisure centre that is not a key decision: L-1");
    assertThat(failures.get(0).getAttribute("message")).contains("expected keyDecision false but was true");
    assertThat(failures.get(0).getTextContent()).contains("What came out:");
    assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("1");
  }
}

package org.councilgateway.internal.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Problem;
import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.ReadLimits;

/**
 * Reads the JSON report of an earlier assessment (of any plan, under any rule set) as a snapshot to
 * compare with. Only what changes are measured on is read; the rest of the report (messages, sources,
 * the trace, and the {@code since} and {@code changes} of a report that was itself a comparison) is
 * let through unread, so that a report from an older or newer version of the gateway still compares.
 */
final class PreviousReport {
  private static final String NOUN = "previous assessment";

  private final String name;

  private PreviousReport(String name) {
    this.name = name;
  }

  static Snapshot read(Path file, ReadLimits limits) {
    String text = BoundedRead.text(file, limits.maxDocumentChars(), NOUN);
    PreviousReport reader = new PreviousReport(file.toString());
    JsonNode root;
    try (JsonParser parser = limits.jsonFactory().createParser(text)) {
      root = new ObjectMapper(limits.jsonFactory()).readTree(parser);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentLocation();
        throw reader.unusable((int) at.getLineNr(), (int) at.getColumnNr(), "has more after the JSON document ends.");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw reader.unusable(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not JSON: " + e.getOriginalMessage() + ".");
    } catch (IOException e) {
      throw reader.unusable(0, 0, "cannot be read: " + e.getMessage() + ".");
    }
    return reader.snapshot(root);
  }

  private Snapshot snapshot(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw notAnAssessment("", "the document is not a JSON object");
    }
    String version = text(root, "", "rulesetVersion");
    String asOfText = text(root, "", "asOf");
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(asOfText);
    } catch (DateTimeParseException e) {
      throw notAnAssessment("/asOf", "it is not a date in the form yyyy-MM-dd");
    }
    JsonNode assessments = array(root, "", "assessments");
    Map<String, String> portfolioById = new LinkedHashMap<>();
    List<String> portfolio = new ArrayList<>();
    JsonNode findings = optionalArray(root, "", "portfolio");
    for (int i = 0; i < findings.size(); i++) {
      String at = "/portfolio/" + i;
      JsonNode p = object(findings.get(i), at);
      JsonNode ids = array(p, at, "proposalIds");
      List<String> proposalIds = new ArrayList<>();
      for (int j = 0; j < ids.size(); j++) {
        proposalIds.add(string(ids.get(j), at + "/proposalIds/" + j));
      }
      String key = Outcome.portfolioKey(text(p, at, "code"), proposalIds);
      portfolio.add(key);
      if (p.hasNonNull("id")) {
        portfolioById.put(text(p, at, "id"), key);
      }
    }
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < assessments.size(); i++) {
      String at = "/assessments/" + i;
      Outcome outcome = outcome(object(assessments.get(i), at), at, portfolioById);
      if (outcomes.putIfAbsent(outcome.proposalId(), outcome) != null) {
        throw notAnAssessment(at + "/proposalId", "the proposal " + outcome.proposalId() + " is assessed twice");
      }
    }
    LinkedHashSet<String> notAssessed = new LinkedHashSet<>();
    JsonNode errors = optionalArray(root, "", "errors");
    for (JsonNode error : errors) {
      if (error.path("proposalId").isTextual()) {
        notAssessed.add(error.path("proposalId").asText());
      }
    }
    return new Snapshot(asOf, version, outcomes, notAssessed, portfolio);
  }

  private Outcome outcome(JsonNode a, String at, Map<String, String> portfolioById) {
    String id = text(a, at, "proposalId");
    String classification = text(a, at, "classification");
    String route = text(a, at, "route");
    JsonNode keyDecision = a.get("keyDecision");
    if (keyDecision == null || !keyDecision.isBoolean()) {
      throw notAnAssessment(at + "/keyDecision", keyDecision == null ? "it is missing" : "it is not true or false");
    }
    JsonNode eia = object(a.get("eia"), at + "/eia");
    String level = text(eia, at + "/eia", "level");
    List<String> findings = new ArrayList<>();
    findings(findings, optionalArray(a, at, "impacts"), at + "/impacts");
    findings(findings, optionalArray(eia, at + "/eia", "actions"), at + "/eia/actions");
    findings(findings, optionalArray(a, at, "challenges"), at + "/challenges");
    findings(findings, optionalArray(a, at, "warnings"), at + "/warnings");
    JsonNode refs = optionalArray(a, at, "portfolio");
    for (int i = 0; i < refs.size(); i++) {
      String refAt = at + "/portfolio/" + i;
      JsonNode ref = object(refs.get(i), refAt);
      String key = portfolioById.get(text(ref, refAt, "id"));
      findings.add(key == null ? text(ref, refAt, "code") : key);
    }
    return new Outcome(id, classification, route, keyDecision.booleanValue(), level, findings);
  }

  private void findings(List<String> into, JsonNode list, String at) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = object(list.get(i), at + "/" + i);
      JsonNode target = f.get("target");
      into.add(Outcome.key(text(f, at + "/" + i, "code"),
          target == null || target.isNull() ? null : string(target, at + "/" + i + "/target")));
    }
  }

  private JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw notAnAssessment(at, node == null ? "it is missing" : "it is not an object");
    }
    return node;
  }

  private JsonNode array(JsonNode parent, String at, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw notAnAssessment(at + "/" + field, node == null ? "it is missing" : "it is not a list");
    }
    return node;
  }

  private JsonNode optionalArray(JsonNode parent, String at, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
        : array(parent, at, field);
  }

  private String text(JsonNode parent, String at, String field) {
    JsonNode node = parent.get(field);
    if (node == null) {
      throw notAnAssessment(at + "/" + field, "it is missing");
    }
    return string(node, at + "/" + field);
  }

  private String string(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw notAnAssessment(at, "it is not a text");
    }
    return node.asText();
  }

  private InvalidPlanException notAnAssessment(String pointer, String fault) {
    return unusable(0, 0, "is not the JSON report of a gateway assessment (the output of assess --format json): at "
        + (pointer.isEmpty() ? "its top" : pointer) + ", " + fault + ".");
  }

  private InvalidPlanException unusable(long line, long column, String message) {
    Problem problem = new Problem(name, (int) Math.max(0, line), (int) Math.max(0, column), message);
    return new InvalidPlanException(problem.toString(), List.of(problem));
  }
}

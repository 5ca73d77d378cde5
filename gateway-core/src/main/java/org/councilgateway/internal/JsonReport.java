package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.councilgateway.Assessment;
import org.councilgateway.EiaAssessment;
import org.councilgateway.EiaOutcome;
import org.councilgateway.Finding;
import org.councilgateway.InputError;
import org.councilgateway.PlanAssessment;
import org.councilgateway.PortfolioFinding;
import org.councilgateway.PortfolioRef;
import org.councilgateway.TraceEntry;
import org.councilgateway.Warning;

/**
 * Writes results as the JSON of PRODUCT.md: fields in its order, absent values omitted, empty lists
 * as {@code []}, two-space indentation and a final newline.
 */
public final class JsonReport {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = new ObjectMapper().writer(new Printer());

  private JsonReport() {}

  /** Two-space indentation, {@code "key": value}, and {@code []} / {@code {}} when empty. */
  private static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    Printer() {
      super(DefaultPrettyPrinter.DEFAULT_ROOT_VALUE_SEPARATOR);
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
      _separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
      _objectFieldValueSeparatorWithSpaces = ": ";
    }

    Printer(Printer base) {
      super(base);
    }

    @Override
    public Printer createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues == 0) {
        if (!_arrayIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw(']');
      } else {
        super.writeEndArray(g, nrOfValues);
      }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries == 0) {
        if (!_objectIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw('}');
      } else {
        super.writeEndObject(g, nrOfEntries);
      }
    }
  }

  /**
   * Writes a plan's assessment.
   *
   * @param result the assessment
   * @return the JSON text, ending in a newline
   */
  public static String write(PlanAssessment result) {
    ObjectNode root = NODES.objectNode();
    root.put("rulesetVersion", result.rulesetVersion());
    root.put("asOf", result.asOf().toString());
    ArrayNode assessments = root.putArray("assessments");
    result.assessments().forEach(a -> assessments.add(assessment(a)));
    ArrayNode portfolio = root.putArray("portfolio");
    result.portfolio().forEach(p -> portfolio.add(portfolio(p)));
    ArrayNode errors = root.putArray("errors");
    result.errors().forEach(e -> errors.add(error(e)));
    return text(root);
  }

  /**
   * Writes one assessment.
   *
   * @param assessment the assessment
   * @return the JSON text, ending in a newline
   */
  public static String write(Assessment assessment) {
    return text(assessment(assessment));
  }

  private static String text(ObjectNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  private static ObjectNode assessment(Assessment a) {
    ObjectNode node = NODES.objectNode();
    node.put("proposalId", a.proposalId());
    node.put("classification", a.classification().name());
    strings(node.putArray("scopeReasons"), a.scopeReasons());
    node.put("route", a.route().name());
    node.put("keyDecision", a.keyDecision());
    findings(node.putArray("impacts"), a.impacts());
    node.set("eia", eia(a.eia()));
    findings(node.putArray("challenges"), a.challenges());
    ArrayNode portfolio = node.putArray("portfolio");
    for (PortfolioRef ref : a.portfolio()) {
      portfolio.addObject().put("id", ref.id()).put("code", ref.code());
    }
    ArrayNode warnings = node.putArray("warnings");
    for (Warning w : a.warnings()) {
      warnings.addObject().put("code", w.code()).put("target", w.target()).put("message", w.message());
    }
    ArrayNode trace = node.putArray("trace");
    for (TraceEntry t : a.trace()) {
      trace.addObject().put("ruleId", t.ruleId()).put("rule", t.rule()).put("source", t.source());
    }
    return node;
  }

  private static ObjectNode eia(EiaOutcome eia) {
    ObjectNode node = NODES.objectNode();
    node.put("required", eia.required());
    node.put("level", eia.level().name());
    strings(node.putArray("characteristics"), eia.characteristics());
    ArrayNode kinds = node.putArray("assessments");
    for (EiaAssessment kind : eia.assessments()) {
      ObjectNode entry = kinds.addObject();
      entry.put("kind", kind.kind().name());
      entry.put("level", kind.level().name());
      strings(entry.putArray("reasons"), kind.reasons());
    }
    findings(node.putArray("actions"), eia.actions());
    return node;
  }

  private static void findings(ArrayNode array, List<Finding> findings) {
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("code", f.code());
      if (f.target() != null) {
        node.put("target", f.target());
      }
      node.put("ruleId", f.ruleId());
      node.put("source", f.source());
      node.put("message", f.message());
    }
  }

  private static ObjectNode portfolio(PortfolioFinding p) {
    ObjectNode node = NODES.objectNode();
    node.put("id", p.id());
    node.put("code", p.code());
    strings(node.putArray("proposalIds"), p.proposalIds());
    node.put("ruleId", p.ruleId());
    node.put("source", p.source());
    node.put("message", p.message());
    return node;
  }

  private static ObjectNode error(InputError e) {
    ObjectNode node = NODES.objectNode();
    node.put("index", e.index());
    if (e.proposalId() != null) {
      node.put("proposalId", e.proposalId());
    }
    node.put("path", e.path());
    node.put("message", e.message());
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}

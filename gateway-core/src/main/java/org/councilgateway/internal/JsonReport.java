package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
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
  private static final com.fasterxml.jackson.core.JsonFactory GENERATORS = com.fasterxml.jackson.core.JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonReport() {}

  /** Two-space indentation, {@code "key": value}, and {@code []} / {@code {}} when empty. */
  private static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    Printer() {
      super();
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
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws java.io.IOException {
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
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws java.io.IOException {
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
    java.io.StringWriter out = new java.io.StringWriter();
    write(result, out);
    return out.toString();
  }

  /**
   * Streams a plan's assessment, so that a large plan's output never has to fit in one string.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.Writer out) {
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      g.setPrettyPrinter(new Printer());
      g.writeStartObject();
      g.writeStringField("rulesetVersion", result.rulesetVersion());
      g.writeStringField("asOf", result.asOf().toString());
      g.writeArrayFieldStart("assessments");
      for (Assessment a : result.assessments()) {
        assessment(g, a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("portfolio");
      for (PortfolioFinding p : result.portfolio()) {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("code", p.code());
        strings(g, "proposalIds", p.proposalIds());
        g.writeStringField("ruleId", p.ruleId());
        g.writeStringField("source", p.source());
        g.writeStringField("message", p.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("errors");
      for (InputError e : result.errors()) {
        g.writeStartObject();
        g.writeNumberField("index", e.index());
        if (e.proposalId() != null) {
          g.writeStringField("proposalId", e.proposalId());
        }
        g.writeStringField("path", e.path());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Writes one assessment.
   *
   * @param assessment the assessment
   * @return the JSON text, ending in a newline
   */
  public static String write(Assessment assessment) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      g.setPrettyPrinter(new Printer());
      assessment(g, assessment);
      g.writeRaw('\n');
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void assessment(JsonGenerator g, Assessment a) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("proposalId", a.proposalId());
    g.writeStringField("classification", a.classification().name());
    strings(g, "scopeReasons", a.scopeReasons());
    g.writeStringField("route", a.route().name());
    g.writeBooleanField("keyDecision", a.keyDecision());
    findings(g, "impacts", a.impacts());
    EiaOutcome eia = a.eia();
    g.writeObjectFieldStart("eia");
    g.writeBooleanField("required", eia.required());
    g.writeStringField("level", eia.level().name());
    strings(g, "characteristics", eia.characteristics());
    g.writeArrayFieldStart("assessments");
    for (EiaAssessment kind : eia.assessments()) {
      g.writeStartObject();
      g.writeStringField("kind", kind.kind().name());
      g.writeStringField("level", kind.level().name());
      strings(g, "reasons", kind.reasons());
      g.writeEndObject();
    }
    g.writeEndArray();
    findings(g, "actions", eia.actions());
    g.writeEndObject();
    findings(g, "challenges", a.challenges());
    g.writeArrayFieldStart("portfolio");
    for (PortfolioRef ref : a.portfolio()) {
      g.writeStartObject();
      g.writeStringField("id", ref.id());
      g.writeStringField("code", ref.code());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("warnings");
    for (Warning w : a.warnings()) {
      g.writeStartObject();
      g.writeStringField("code", w.code());
      g.writeStringField("target", w.target());
      g.writeStringField("message", w.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("trace");
    for (TraceEntry t : a.trace()) {
      g.writeStartObject();
      g.writeStringField("ruleId", t.ruleId());
      g.writeStringField("rule", t.rule());
      g.writeStringField("source", t.source());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, String name, List<Finding> findings) throws java.io.IOException {
    g.writeArrayFieldStart(name);
    for (Finding f : findings) {
      g.writeStartObject();
      g.writeStringField("code", f.code());
      if (f.target() != null) {
        g.writeStringField("target", f.target());
      }
      g.writeStringField("ruleId", f.ruleId());
      g.writeStringField("source", f.source());
      g.writeStringField("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws java.io.IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }
}

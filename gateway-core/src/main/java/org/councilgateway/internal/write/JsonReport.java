package org.councilgateway.internal.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.util.List;
import org.councilgateway.Changes;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.EiaOutcome;
import org.councilgateway.assessment.Finding;
import org.councilgateway.InputError;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.assessment.TraceEntry;
import org.councilgateway.assessment.Warning;

/**
 * Writes results as the JSON report of docs/formats.md: fields in its order, absent values omitted, empty lists
 * as {@code []}, two-space indentation and a final newline.
 */
public final class JsonReport {
  static final com.fasterxml.jackson.core.JsonFactory GENERATORS = com.fasterxml.jackson.core.JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonReport() {}

  /** Two-space indentation, {@code "key": value}, and {@code []} / {@code {}} when empty. */
  static final class Printer extends DefaultPrettyPrinter {
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

    /** A printer that starts at a depth, to render a part of a document on its own. */
    static Printer at(int nesting) {
      Printer printer = new Printer();
      printer._nesting = nesting;
      return printer;
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
   * Streams a plan's assessment, so that a large plan's output never has to fit in one string; a
   * long plan's assessments are rendered on every core.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.Writer out) {
    write(result, null, out);
  }

  /**
   * Streams a plan's assessment with what changed since an earlier one: the {@code since} object
   * and each assessment's {@code changes}.
   *
   * @param result the assessment
   * @param changes what changed, or null for the plain report
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, Changes changes, java.io.Writer out) {
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      g.setPrettyPrinter(new Printer());
      document(g, result, changes,
          () -> Rendering.inOrder(result.assessments(), a -> nested(a, changes), g::writeRawValue));
      g.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Streams a plan's assessment as UTF-8, the same bytes as {@link #write(PlanAssessment)} encodes
   * to. The document around the assessments is rendered first, with two marks where the
   * assessments go, which also give the separator between them; the assessments are then rendered
   * on every core straight to bytes.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.OutputStream out) {
    write(result, null, out);
  }

  /**
   * Streams a plan's assessment with what changed since an earlier one as UTF-8, the same bytes as
   * {@link #write(PlanAssessment, Changes, java.io.Writer)} encodes to.
   *
   * @param result the assessment
   * @param changes what changed, or null for the plain report
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, Changes changes, java.io.OutputStream out) {
    List<Assessment> all = result.assessments();
    if (all.isEmpty()) {
      try (JsonGenerator g = GENERATORS.createGenerator(out)) {
        g.setPrettyPrinter(new Printer());
        document(g, result, changes, () -> { });
        g.flush();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
    try (JsonGenerator g = GENERATORS.createGenerator(frame)) {
      g.setPrettyPrinter(new Printer());
      document(g, result, changes, () -> {
        g.writeRawValue(MARK);
        g.writeRawValue(MARK);
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] bytes = frame.toByteArray();
    int first = indexOf(bytes, 0);
    int second = indexOf(bytes, first + 1);
    byte[] separator = java.util.Arrays.copyOfRange(bytes, first + 1, second);
    try {
      out.write(bytes, 0, first);
      Rendering.inOrder(all, a -> nestedBytes(a, changes, a == all.get(0) ? null : separator), out::write);
      out.write(bytes, second + 1, bytes.length - second - 1);
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Marks where the assessments go; a NUL never appears in the generator's own output, which escapes it. */
  private static final String MARK = "\u0000";

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    throw new IllegalStateException("mark not found");
  }

  /** Writes the document, calling on {@code assessments} to fill the assessments list. */
  private static void document(JsonGenerator g, PlanAssessment result, Changes changes, Part assessments)
      throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("rulesetVersion", result.ruleSetVersion());
    g.writeStringField("asOf", result.asOf().toString());
    if (changes != null) {
      g.writeObjectFieldStart("since");
      g.writeStringField("asOf", changes.asOf().toString());
      g.writeStringField("rulesetVersion", changes.ruleSetVersion());
      strings(g, "withdrawn", changes.withdrawn());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("assessments");
    assessments.write();
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
      if (e.location() != null) {
        g.writeStringField("location", e.location());
      }
      g.writeStringField("message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** Writes a part of the document. */
  private interface Part {
    void write() throws java.io.IOException;
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
      assessment(g, assessment, null);
      g.writeRaw('\n');
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One assessment as it stands in a plan's {@code assessments} list, as UTF-8 after a separator (or none). */
  private static byte[] nestedBytes(Assessment assessment, Changes changes, byte[] separator) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
    try (JsonGenerator g = GENERATORS.createGenerator(out)) {
      if (separator != null) {
        out.write(separator);
      }
      g.setPrettyPrinter(Printer.at(2));
      assessment(g, assessment, changes == null ? null : changes.of(assessment.proposalId()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One assessment as it stands in a plan's {@code assessments} list. */
  private static String nested(Assessment assessment, Changes changes) {
    return new String(nestedBytes(assessment, changes, null), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assessment(JsonGenerator g, Assessment a, Change change) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("proposalId", a.proposalId());
    if (a.proposal().origin() != null) {
      origin(g, a.proposal().origin());
    }
    g.writeStringField("classification", a.classification().name());
    strings(g, "scopeReasons", a.scopeReasonCodes());
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
    if (a.gate() != null) {
      g.writeObjectFieldStart("gate");
      g.writeStringField("stage", a.gate().stage().name());
      g.writeBooleanField("ready", a.gate().ready());
      strings(g, "blockers", a.gate().blockers());
      g.writeEndObject();
    }
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
    if (change != null) {
      change(g, change);
    }
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

  /** Where the proposal came from, as the plan gave it: each key a text or a list of texts. */
  private static void origin(JsonGenerator g, org.councilgateway.model.Origin origin) throws java.io.IOException {
    g.writeObjectFieldStart("origin");
    for (org.councilgateway.model.Origin.Entry entry : origin.entries()) {
      if (entry.text() != null) {
        g.writeStringField(entry.key(), entry.text());
      } else {
        strings(g, entry.key(), entry.texts());
      }
    }
    g.writeEndObject();
  }

  private static void change(JsonGenerator g, Change change) throws java.io.IOException {
    g.writeObjectFieldStart("changes");
    g.writeStringField("status", change.status().name());
    if (change.status() != Change.Status.NEW) {
      fields(g, change);
    }
    strings(g, "added", change.added());
    strings(g, "removed", change.removed());
    g.writeEndObject();
  }

  /** A change's {@code fields}: each field that changed, as {@code [before, after]}. */
  static void fields(JsonGenerator g, Change change) throws java.io.IOException {
    g.writeObjectFieldStart("fields");
    for (Change.Field field : change.fields()) {
      g.writeArrayFieldStart(field.name());
      value(g, field.before());
      value(g, field.after());
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void value(JsonGenerator g, Object value) throws java.io.IOException {
    if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(value.toString());
    }
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

  static void strings(JsonGenerator g, String name, List<String> values) throws java.io.IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }
}

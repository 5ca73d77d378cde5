package org.councilgateway.internal.ocds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import org.councilgateway.model.Origin;
import org.councilgateway.model.Proposal;

/**
 * Writes a draft plan in the plan format: only the fields the importer sets, so that everything a
 * notice does not say is left for the secretariat (and the gateway challenges it). No {@code asOf}:
 * the draft is assessed as of the day it is assessed, or {@code --as-of}.
 */
public final class DraftWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private DraftWriter() {}

  /**
   * @param proposals the proposals
   * @return the plan as JSON, two-space indented, with a final newline
   */
  public static String json(List<Proposal> proposals) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(plan(proposals)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param proposals the proposals
   * @return the plan as YAML
   */
  public static String yaml(List<Proposal> proposals) {
    try {
      return YAML.writeValueAsString(plan(proposals));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode plan(List<Proposal> proposals) {
    ObjectNode plan = NODES.objectNode();
    ArrayNode list = plan.putArray("proposals");
    for (Proposal p : proposals) {
      ObjectNode node = list.addObject();
      node.put("id", p.id());
      node.put("title", p.title());
      node.put("leadDirectorate", p.leadDirectorate());
      node.put("serviceArea", p.serviceArea());
      node.put("changeType", p.changeType().name());
      if (p.annualValue() != null) {
        node.put("annualValue", p.annualValue());
      }
      if (p.termMonths() != null) {
        node.put("termMonths", p.termMonths());
      }
      if (p.startDate() != null) {
        node.put("startDate", p.startDate().toString());
      }
      if (!p.clientGroups().isEmpty()) {
        ArrayNode groups = node.putArray("clientGroups");
        p.clientGroups().forEach(groups::add);
      }
      if (p.provider() != null) {
        ObjectNode provider = node.putObject("provider");
        provider.put("name", p.provider().name());
        if (p.provider().sector() != null) {
          provider.put("sector", p.provider().sector().name());
        }
      }
      if (p.origin() != null) {
        ObjectNode origin = node.putObject("origin");
        for (Origin.Entry entry : p.origin().entries()) {
          if (entry.text() != null) {
            origin.put(entry.key(), entry.text());
          } else {
            ArrayNode texts = origin.putArray(entry.key());
            entry.texts().forEach(texts::add);
          }
        }
      }
    }
    return plan;
  }
}

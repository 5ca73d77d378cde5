package org.councilgateway;

import org.councilgateway.model.Proposal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plan documents for reader tests: a proposal starts from its required fields, and each test
 * changes one thing, so that a failure points at that one thing.
 */
final class PlanJson {
  private final Map<String, String> fields = new LinkedHashMap<>();

  private PlanJson() {}

  /**
   * A proposal with only its required fields.
   *
   * @param id its id
   * @return the proposal's fields
   */
  static PlanJson proposal(String id) {
    return new PlanJson()
        .with("id", quote(id))
        .with("title", quote("Youth clubs"))
        .with("leadDirectorate", quote("PEOPLE"))
        .with("serviceArea", quote("YOUTH_PROVISION"))
        .with("changeType", quote("NEW"));
  }

  /**
   * An object with no fields at all.
   *
   * @return no fields
   */
  static PlanJson empty() {
    return new PlanJson();
  }

  /**
   * Sets a field to a raw JSON value.
   *
   * @param field the field's name
   * @param json its value, as JSON text: {@code "\"NEW\""}, {@code "1.5"}, {@code "null"}
   * @return these fields
   */
  PlanJson with(String field, String json) {
    fields.put(field, json);
    return this;
  }

  /**
   * Leaves a field out.
   *
   * @param field the field's name
   * @return these fields
   */
  PlanJson without(String field) {
    fields.remove(field);
    return this;
  }

  @Override
  public String toString() {
    return fields.entrySet().stream()
        .map(field -> quote(field.getKey()) + ": " + field.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * A plan document with the given entries in its {@code proposals} list.
   *
   * @param proposals each entry: a {@link PlanJson} or raw JSON text
   * @return the document
   */
  static String plan(Object... proposals) {
    return Arrays.stream(proposals).map(String::valueOf)
        .collect(Collectors.joining(",\n  ", "{\"proposals\": [\n  ", "\n]}"));
  }

  static String quote(String text) {
    return "\"" + text + "\"";
  }

  /**
   * The ids of the proposals a plan kept, in order.
   *
   * @param plan the plan
   * @return the ids
   */
  static List<String> ids(Plan plan) {
    return plan.proposals().stream().map(Proposal::id).toList();
  }

  /**
   * A test resource as a file.
   *
   * @param name its name under {@code src/test/resources}
   * @return the file
   */
  static Path resource(String name) {
    try {
      return Path.of(PlanJson.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.councilgateway.facts;

import java.util.Objects;

/**
 * A proposal in service area {@code from} has an impact on service area {@code to} (one hop only).
 *
 * @param from the service area of the proposal
 * @param to the service area it has an impact on
 * @param source where the link comes from
 */
public record Interdependency(String from, String to, String source) {

  /**
   * Checks the values.
   *
   * @param from the service area of the proposal
   * @param to the service area it has an impact on
   * @param source where the link comes from
   */
  public Interdependency {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
  }
}

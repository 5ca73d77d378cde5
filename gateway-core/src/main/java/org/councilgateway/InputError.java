package org.councilgateway;

import java.util.Objects;

/**
 * A problem with one proposal in a plan that stops it being assessed.
 *
 * @param index the proposal's position in the plan, from 0
 * @param proposalId its id, or null when it has none
 * @param path a JSON pointer to the fault, such as {@code /proposals/3/changeType}
 * @param message one sentence saying what is wrong
 * @param location the cell of a spreadsheet plan that holds the fault, as the spreadsheet shows it
 *     ({@code E7} in a CSV file, {@code Proposals!E7} in a workbook), or null for a JSON or YAML plan
 */
public record InputError(int index, String proposalId, String path, String message, String location) {

  /**
   * Checks the values.
   *
   * @param index the proposal's position in the plan, from 0
   * @param proposalId its id, or null when it has none
   * @param path a JSON pointer to the fault, such as {@code /proposals/3/changeType}
   * @param message one sentence saying what is wrong
   * @param location the cell of a spreadsheet plan that holds the fault, or null
   */
  public InputError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A problem in a plan that has no cells (JSON or YAML): no location.
   *
   * @param index the proposal's position in the plan, from 0
   * @param proposalId its id, or null when it has none
   * @param path a JSON pointer to the fault, such as {@code /proposals/3/changeType}
   * @param message one sentence saying what is wrong
   */
  public InputError(int index, String proposalId, String path, String message) {
    this(index, proposalId, path, message, null);
  }
}

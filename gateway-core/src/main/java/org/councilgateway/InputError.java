package org.councilgateway;

import java.util.Objects;

/**
 * A problem with one proposal in a plan that stops it being assessed.
 *
 * @param index the proposal's position in the plan, from 0
 * @param proposalId its id, or null when it has none
 * @param path a JSON pointer to the fault, such as {@code /proposals/3/changeType}
 * @param message one sentence saying what is wrong
 */
public record InputError(int index, String proposalId, String path, String message) {

  /**
   * Checks the values.
   *
   * @param index the proposal's position in the plan, from 0
   * @param proposalId its id, or null when it has none
   * @param path a JSON pointer to the fault, such as {@code /proposals/3/changeType}
   * @param message one sentence saying what is wrong
   */
  public InputError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}

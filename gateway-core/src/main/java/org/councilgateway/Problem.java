package org.councilgateway;

import java.util.Objects;
import org.councilgateway.internal.Text;

/**
 * One problem found in a file: where it is and what is wrong.
 *
 * @param file the file, as the user named it, or null when there is none
 * @param line the line from 1, or 0 when unknown
 * @param column the column from 1, or 0 when unknown
 * @param message one sentence saying what is wrong
 */
public record Problem(String file, int line, int column, String message) {

  /**
   * Checks the values.
   *
   * @param file the file, as the user named it, or null when there is none
   * @param line the line from 1, or 0 when unknown
   * @param column the column from 1, or 0 when unknown
   * @param message one sentence saying what is wrong
   */
  public Problem {
    Objects.requireNonNull(message, "message");
  }

  /**
   * Formats the problem as {@code file:line:column: message}, leaving out what is unknown. Control
   * characters in the file's name or the message, a newline or a terminal escape among them, are
   * shown as escapes such as {@code \n} and {@code \}{@code u001b}, so the problem is always one line.
   *
   * @return the problem on one line
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (file != null) {
      text.append(Text.escape(file));
      if (line > 0) {
        text.append(':').append(line);
        if (column > 0) {
          text.append(':').append(column);
        }
      }
      text.append(": ");
    }
    return text.append(Text.escape(message)).toString();
  }
}

package org.councilgateway.internal;

import java.util.Collection;

/**
 * Suggests the name a user probably meant: the known name nearest a mistyped one by edit distance,
 * when it is near enough to be a slip rather than another word. Shared by every message that
 * answers a misspelling with "did you mean ...?", so that they all judge "near enough" alike.
 */
public final class Names {

  private Names() {}

  /**
   * The known name nearest a given one, when it is at most two edits away or a third of the given
   * name's length, whichever is more; ties go to the first in the collection's order.
   *
   * @param name the name as written
   * @param known the names it could have meant
   * @return the nearest known name, or null when none is near enough
   */
  public static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /**
   * The Levenshtein distance between two names: the fewest single-character insertions, deletions
   * and substitutions that turn one into the other.
   *
   * @param a one name
   * @param b the other
   * @return the distance, 0 when they are equal
   */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package org.councilgateway.internal;

import java.util.Collection;

/** Finds the name a mistyped one was most likely meant to be, for "did you mean" in messages. */
public final class Names {
  private Names() {}

  /**
   * The known name closest to a mistyped one, ignoring case, when it is close enough to be a slip:
   * no more than two letters, or a third of them, differ.
   *
   * @param name the name as written
   * @param known the names it could have meant
   * @return the closest, or null when none is close
   */
  public static String closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : known) {
      int distance = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance > 0 && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /** The Levenshtein distance between two texts. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

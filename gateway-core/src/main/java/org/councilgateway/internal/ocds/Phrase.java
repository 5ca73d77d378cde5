package org.councilgateway.internal.ocds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase of the mapping file, as it matches text: ignoring case, from a word boundary to a word
 * boundary, any run of white space between its words; a phrase ending in {@code *} matches any
 * ending of its last word ({@code learning disabilit*}). A word is letters and digits.
 */
final class Phrase {
  private static final String WORD = "[\\p{L}\\p{N}]";

  private final String text;
  private final Pattern pattern;

  private Phrase(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * @param text the phrase as the mapping gives it
   * @return the phrase, or null when it has no word to match
   */
  static Phrase of(String text) {
    String phrase = text.strip();
    boolean wildcard = phrase.endsWith("*");
    if (wildcard) {
      phrase = phrase.substring(0, phrase.length() - 1).stripTrailing();
    }
    String[] words = phrase.split("\\s+");
    if (phrase.isEmpty() || words.length == 0) {
      return null;
    }
    StringBuilder regex = new StringBuilder("(?<!" + WORD + ")");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(words[i]));
    }
    regex.append(wildcard ? WORD + "*+" : "").append("(?!" + WORD + ")");
    return new Phrase(text, Pattern.compile(regex.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
  }

  /** @return whether the phrase occurs in {@code in} (null is no text) */
  boolean foundIn(String in) {
    if (in == null || in.isEmpty()) {
      return false;
    }
    Matcher matcher = pattern.matcher(in);
    return matcher.find();
  }

  /** @return the phrase as the mapping gives it */
  String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}

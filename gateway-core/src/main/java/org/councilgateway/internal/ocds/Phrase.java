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
  /** The phrase's first word in lower case: text without it cannot match, which is far quicker to tell. */
  private final String firstWord;

  private Phrase(String text, Pattern pattern, String firstWord) {
    this.text = text;
    this.pattern = pattern;
    this.firstWord = firstWord;
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
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
        words[0].toLowerCase(java.util.Locale.ROOT));
  }

  /** @return whether the phrase occurs in {@code in} (null is no text) */
  boolean foundIn(String in) {
    return in != null && foundIn(in, in.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * @param in the text
   * @param lower the text in lower case ({@link java.util.Locale#ROOT}), worked out once for every phrase
   * @return whether the phrase occurs in the text
   */
  boolean foundIn(String in, String lower) {
    if (in == null || in.isEmpty()) {
      return false;
    }
    // Lower case that changes a text's length (a dotted capital I) is left to the pattern.
    if (lower.length() == in.length() && !lower.contains(firstWord)) {
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

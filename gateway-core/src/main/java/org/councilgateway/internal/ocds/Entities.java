package org.councilgateway.internal.ocds;

import java.util.Map;

/**
 * Decodes the HTML character references published notices carry in their text ({@code &amp;},
 * {@code &#039;}, {@code &#xA3;}, {@code &pound;}): numeric references of any valid code point, and
 * the named ones notices use. A reference it does not know is left as written, and a text is decoded
 * once ({@code &amp;amp;} becomes {@code &amp;}), as a browser shows it.
 */
final class Entities {
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("pound", "\u00a3"), Map.entry("euro", "\u20ac"),
      Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("deg", "\u00b0"),
      Map.entry("bull", "\u2022"), Map.entry("middot", "\u00b7"), Map.entry("hellip", "\u2026"),
      Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("lsquo", "\u2018"),
      Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
      Map.entry("sbquo", "\u201a"), Map.entry("bdquo", "\u201e"), Map.entry("laquo", "\u00ab"),
      Map.entry("raquo", "\u00bb"), Map.entry("times", "\u00d7"), Map.entry("divide", "\u00f7"),
      Map.entry("frac12", "\u00bd"), Map.entry("frac14", "\u00bc"), Map.entry("frac34", "\u00be"),
      Map.entry("sect", "\u00a7"), Map.entry("para", "\u00b6"), Map.entry("shy", "\u00ad"),
      Map.entry("aacute", "\u00e1"), Map.entry("agrave", "\u00e0"), Map.entry("acirc", "\u00e2"),
      Map.entry("auml", "\u00e4"), Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"),
      Map.entry("ecirc", "\u00ea"), Map.entry("euml", "\u00eb"), Map.entry("iacute", "\u00ed"),
      Map.entry("iuml", "\u00ef"), Map.entry("oacute", "\u00f3"), Map.entry("ocirc", "\u00f4"),
      Map.entry("ouml", "\u00f6"), Map.entry("uacute", "\u00fa"), Map.entry("uuml", "\u00fc"),
      Map.entry("ccedil", "\u00e7"), Map.entry("ntilde", "\u00f1"), Map.entry("szlig", "\u00df"),
      Map.entry("Eacute", "\u00c9"), Map.entry("Aacute", "\u00c1"), Map.entry("Ouml", "\u00d6"),
      Map.entry("Uuml", "\u00dc"), Map.entry("Auml", "\u00c4"), Map.entry("Ccedil", "\u00c7"),
      Map.entry("wacute", "\u1e83"), Map.entry("wcirc", "\u0175"), Map.entry("ycirc", "\u0177"));

  private Entities() {}

  /**
   * @param text the text, or null
   * @return the text with its character references decoded, or null
   */
  static String decode(String text) {
    if (text == null || text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == '&' ? text.indexOf(';', i + 1) : -1;
      if (end > i + 1 && end - i <= 12) {
        String decoded = reference(text.substring(i + 1, end));
        if (decoded != null) {
          out.append(decoded);
          i = end + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** @return what a reference's name (between {@code &} and {@code ;}) stands for, or null when it is none */
  private static String reference(String name) {
    if (name.charAt(0) != '#') {
      return NAMED.get(name);
    }
    boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
    String digits = name.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return null;
    }
    int code = 0;
    for (int k = 0; k < digits.length(); k++) {
      int digit = Character.digit(digits.charAt(k), hex ? 16 : 10);
      if (digit < 0) {
        return null;
      }
      code = code * (hex ? 16 : 10) + digit;
    }
    if (code == 0 || code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF) {
      return null;
    }
    return new String(Character.toChars(code));
  }

  /**
   * A text as the draft gives it: decoded and trimmed (no-break spaces too), or null when that leaves nothing.
   *
   * @param text the text, or null
   * @return the clean text, or null
   */
  static String clean(String text) {
    String decoded = decode(text);
    if (decoded == null) {
      return null;
    }
    // Trimmed of white space and of spaces that are not white space to Java (the no-break space of &nbsp;).
    int start = 0;
    int end = decoded.length();
    while (start < end && blank(decoded.charAt(start))) {
      start++;
    }
    while (end > start && blank(decoded.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : decoded.substring(start, end);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}

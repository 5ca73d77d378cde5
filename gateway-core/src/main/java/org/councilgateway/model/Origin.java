package org.councilgateway.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a proposal came from, such as the published procurement notice {@code gateway import ocds}
 * made it from: keys in their given order, each with a text or a list of texts. It is carried into
 * the assessment output unchanged and takes no part in any rule.
 *
 * <p>The importer writes {@code ocid}, {@code releaseId}, {@code date}, {@code buyer} and
 * {@code url} (texts) and {@code inferred} (a list of sentences, one per field worked out rather
 * than copied); a plan may give any other keys.
 *
 * @param entries the keys and their values, in order; each key once
 */
public record Origin(List<Origin.Entry> entries) {

  /**
   * One key of an origin and its value: a text, or a list of texts.
   *
   * @param key the key
   * @param text the value when it is a text, else null
   * @param texts the value when it is a list of texts, else null
   */
  public record Entry(String key, String text, List<String> texts) {
    /**
     * Checks that exactly one of the values is given, and copies the list.
     *
     * @param key the key
     * @param text the value when it is a text, else null
     * @param texts the value when it is a list of texts, else null
     */
    public Entry {
      Objects.requireNonNull(key, "key");
      if ((text == null) == (texts == null)) {
        throw new IllegalArgumentException("An origin entry has a text or a list of texts, not both nor neither: " + key);
      }
      texts = texts == null ? null : List.copyOf(texts);
    }
  }

  /**
   * Checks that no key is given twice, and copies the list.
   *
   * @param entries the keys and their values, in order; each key once
   */
  public Origin {
    entries = List.copyOf(entries);
    Set<String> keys = new HashSet<>();
    for (Entry entry : entries) {
      if (!keys.add(entry.key())) {
        throw new IllegalArgumentException("The origin key " + entry.key() + " is given twice.");
      }
    }
  }

  /**
   * The text a key holds.
   *
   * @param key the key
   * @return its text, or null when the key is absent or holds a list
   */
  public String text(String key) {
    for (Entry entry : entries) {
      if (entry.key().equals(key)) {
        return entry.text();
      }
    }
    return null;
  }

  /**
   * The list of texts a key holds.
   *
   * @param key the key
   * @return its texts; empty when the key is absent or holds a text
   */
  public List<String> texts(String key) {
    for (Entry entry : entries) {
      if (entry.key().equals(key) && entry.texts() != null) {
        return entry.texts();
      }
    }
    return List.of();
  }

  /**
   * Starts a builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Origin}, keys in the order they are set; a null value leaves its key out. Not thread-safe. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a key with a text.
     *
     * @param key the key
     * @param value the text, or null to leave the key out
     * @return this builder
     */
    public Builder text(String key, String value) {
      if (value != null) {
        entries.add(new Entry(key, value, null));
      }
      return this;
    }

    /**
     * Adds a key with a list of texts.
     *
     * @param key the key
     * @param values the texts, or null to leave the key out
     * @return this builder
     */
    public Builder texts(String key, List<String> values) {
      if (values != null) {
        entries.add(new Entry(key, null, values));
      }
      return this;
    }

    /**
     * Builds the origin.
     *
     * @return the origin
     * @throws IllegalArgumentException when a key was given twice
     */
    public Origin build() {
      return new Origin(entries);
    }
  }
}

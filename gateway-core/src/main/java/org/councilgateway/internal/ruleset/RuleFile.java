package org.councilgateway.internal.ruleset;

import java.util.Objects;

/**
 * One file of a rule set: its path relative to the rules root ('/' separated) and its text with line
 * endings normalised to '\n'.
 */
record RuleFile(String path, String content) {

  static final String REFERENCE_DATA = "reference-data.yaml";

  RuleFile {
    Objects.requireNonNull(path, "path");
    content = content.replace("\r\n", "\n").replace('\r', '\n');
  }

  boolean isDrl() {
    return path.endsWith(".drl");
  }

  boolean isReferenceData() {
    return path.equals(REFERENCE_DATA);
  }
}

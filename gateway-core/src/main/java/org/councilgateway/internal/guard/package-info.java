/**
 * The trust boundary, not API: what makes a rules directory unable to run code. The rule-file
 * guard allows a rule file only plain names, the model and facts types, reading and recording;
 * the class verification checks every class Drools generates against an allowlist before any is
 * defined; the nesting bound keeps the parsers' recursion finite. Used by
 * {@link org.councilgateway.internal.ruleset} only.
 */
package org.councilgateway.internal.guard;

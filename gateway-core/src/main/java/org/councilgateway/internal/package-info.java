/**
 * Implementation shared by the stages, not API: bounded reading of files and streams, JSON and
 * YAML reading within limits (one configuration for plans, scenarios and reference data), the
 * escaping of text for output, the one place work is spread over threads, and what the rule set
 * stage tells the writing stage of each rule for the catalogue (RuleDetail). Public only so that
 * the stage packages beside it can use it; the module does not export it.
 */
package org.councilgateway.internal;

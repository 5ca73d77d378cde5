/**
 * Scenario files: a policy officer's way to prove a change to the rules before it goes live. A
 * scenario gives proposals and what is expected of each; {@link org.councilgateway.scenario.ScenarioRunner}
 * runs scenarios against a rule set and reports what passed, what failed and which rules no scenario
 * made fire, and {@link org.councilgateway.scenario.ScenarioTests} runs a directory of them from
 * JUnit 5 in one line.
 */
package org.councilgateway.scenario;

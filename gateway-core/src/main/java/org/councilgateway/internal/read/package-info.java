/**
 * Reading plans, not API: turns a JSON or YAML document into valid proposals and located errors.
 * {@link org.councilgateway.PlanReader} is its API; only the parser's entry point is public, for
 * the scenario reader.
 */
package org.councilgateway.internal.read;

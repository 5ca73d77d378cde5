/**
 * Assessing, not API: runs the compiled rules over a plan (each proposal's own rules in batches,
 * then the rules across the plan), records what they find within the limits, and assembles the
 * immutable results in policy order. The one place that decides classification and route.
 * {@link org.councilgateway.Gateway} is its API.
 */
package org.councilgateway.internal.assess;

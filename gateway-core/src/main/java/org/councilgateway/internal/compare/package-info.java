/**
 * Comparing assessments, not API: each proposal's outcome reduced to what a change is measured on,
 * read from an assessment or from the JSON of an earlier one, and the differences between two.
 * {@link org.councilgateway.Changes} is its API.
 */
package org.councilgateway.internal.compare;

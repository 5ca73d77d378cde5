/**
 * Writing results, not API: the JSON, text and CSV reports, rendered on several threads and written in
 * order. {@link org.councilgateway.Reports} is its API.
 */
package org.councilgateway.internal.write;

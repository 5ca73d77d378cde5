/**
 * Importing published procurement notices (OCDS releases, record packages and release packages) as
 * a draft forward plan: a reading stage beside {@code internal.read}, which streams each file one
 * release at a time, keeps the latest release of each contracting process, and works out each
 * proposal's fields by the rules of docs/formats.md and the mapping file.
 */
package org.councilgateway.internal.ocds;

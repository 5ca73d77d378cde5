/**
 * The facts the gateway's rules see besides the proposals themselves: the reference data, the
 * assessment date, the facts helper rules derive, and {@link org.councilgateway.facts.Findings},
 * the global through which rules record what they find. Rule files import from here.
 */
package org.councilgateway.facts;

/**
 * The proposal as the rules see it: {@link org.councilgateway.model.Proposal} and the value types
 * of its fields (codes, funding, provider, staffing, completed EIAs). Immutable records and enums,
 * checked as they are built. Together with {@link org.councilgateway.facts} this is the only
 * package rule files may import from; the rest of the library is never visible to a rule.
 */
package org.councilgateway.model;

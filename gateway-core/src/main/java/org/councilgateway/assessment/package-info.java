/**
 * What an assessment returns: an {@link org.councilgateway.assessment.Assessment} per proposal
 * (classification, route, key decision, impacts, EIA, open challenges, each
 * {@link org.councilgateway.assessment.Finding} with the rule and source behind it), and a
 * {@link org.councilgateway.assessment.PlanAssessment} for a whole plan with the findings across
 * it. Immutable values with the same content, in the same order, as the JSON report. Rules never
 * see these types.
 */
package org.councilgateway.assessment;

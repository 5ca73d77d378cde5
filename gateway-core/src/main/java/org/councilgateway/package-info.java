/**
 * The gateway's API: build a {@link org.councilgateway.Gateway} once on a
 * {@link org.councilgateway.RuleSet} (the bundled rules or a rules directory), read plans with a
 * {@link org.councilgateway.PlanReader}, assess them from any number of threads, and write the
 * results with {@link org.councilgateway.Reports}. {@link org.councilgateway.GatewayOptions} holds
 * every setting (executor, {@link org.councilgateway.Limits}, compile cache); every failure is a
 * {@link org.councilgateway.GatewayException} carrying each {@link org.councilgateway.Problem}.
 *
 * <p>What a rule sees is in {@link org.councilgateway.model} and {@link org.councilgateway.facts};
 * what an assessment returns is in {@link org.councilgateway.assessment}. The
 * {@code org.councilgateway.internal} packages are the implementation, one per stage of the data
 * flow; nothing there is API, and the module does not export them.
 */
package org.councilgateway;

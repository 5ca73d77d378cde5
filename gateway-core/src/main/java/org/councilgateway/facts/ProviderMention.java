package org.councilgateway.facts;

import java.util.Objects;

/**
 * Derived by helper rules: a proposal names a provider (identified by its exact name).
 *
 * @param provider the provider's name
 * @param proposalId the proposal
 * @param underperforming whether the proposal rates it as requiring improvement or inadequate
 * @param voluntarySectorCut whether the proposal reduces or decommissions it and it is voluntary-sector there
 */
public record ProviderMention(String provider, String proposalId, boolean underperforming, boolean voluntarySectorCut) {

  /**
   * Checks the values.
   *
   * @param provider the provider's name
   * @param proposalId the proposal
   * @param underperforming whether the proposal rates it as requiring improvement or inadequate
   * @param voluntarySectorCut whether the proposal reduces or decommissions it and it is voluntary-sector there
   */
  public ProviderMention {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(proposalId, "proposalId");
  }
}

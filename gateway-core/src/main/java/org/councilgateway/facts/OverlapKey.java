package org.councilgateway.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.councilgateway.model.Proposal;

/**
 * Derived by helper rules: something a proposal could share with another (a service area, or a
 * client group with an outcome), placed in a period of the overlap window by its start date.
 *
 * <p>Two proposals whose start dates are within the window of each other fall in the same period or
 * in neighbouring ones, so matching on {@link #home()} and {@link #next()} finds every candidate pair
 * without comparing every proposal with every other: the work grows with the real matches.
 *
 * @param proposalId the proposal
 * @param lead its lead directorate
 * @param start its start date
 * @param key what it could share, in words, such as {@code service area LEISURE}
 * @param home the key with the proposal's period
 * @param next the key with the following period
 */
public record OverlapKey(String proposalId, String lead, LocalDate start, String key, String home, String next) {

  /**
   * Checks the values.
   *
   * @param proposalId the proposal
   * @param lead its lead directorate
   * @param start its start date
   * @param key what it could share, in words, such as {@code service area LEISURE}
   * @param home the key with the proposal's period
   * @param next the key with the following period
   */
  public OverlapKey {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(next, "next");
  }

  /**
   * Places a proposal's key in its period.
   *
   * @param proposal the proposal, with a start date
   * @param key what it could share, in words, for messages
   * @param parts what it could share, part by part (such as a kind, a client group and an outcome);
   *     two keys match only when all their parts are equal, whatever text the parts hold
   * @param windowMonths the overlap window in months
   * @return the key
   */
  public static OverlapKey of(Proposal proposal, String key, List<String> parts, int windowMonths) {
    LocalDate start = Objects.requireNonNull(proposal.startDate(), "startDate");
    long month = start.getYear() * 12L + start.getMonthValue() - 1;
    long period = Math.floorDiv(month, Math.max(windowMonths, 1));
    StringBuilder identity = new StringBuilder();
    for (String part : parts) {
      // Each part with its length first, so that no two different lists of parts read the same.
      identity.append(part.length()).append(':').append(part).append(';');
    }
    return new OverlapKey(proposal.id(), proposal.leadDirectorate(), start, key,
        identity.toString() + "@" + period, identity.toString() + "@" + (period + 1));
  }

  /**
   * Tells whether another start date is within the window of this one, either way round.
   *
   * @param other the other start date
   * @param windowMonths the window in months
   * @return true when the later date is on or before the earlier plus the window
   */
  public boolean startsWithin(LocalDate other, int windowMonths) {
    LocalDate earlier = start.isBefore(other) ? start : other;
    LocalDate later = start.isBefore(other) ? other : start;
    return !later.isAfter(earlier.plusMonths(windowMonths));
  }
}

package org.councilgateway.model;

import java.util.Objects;

/**
 * Who monitors the contract a proposal lets, and how closely.
 *
 * @param owner the person or team named to monitor it, or null when none is named
 * @param level how closely; {@link MonitoringLevel#LIGHT} when not stated
 */
public record ContractMonitoring(String owner, MonitoringLevel level) {

  /**
   * Checks the values.
   *
   * @param owner the person or team named to monitor it, or null when none is named
   * @param level how closely; {@link MonitoringLevel#LIGHT} when not stated
   */
  public ContractMonitoring {
    Objects.requireNonNull(level, "level");
  }

  /**
   * Tells whether someone is named to monitor the contract: an empty or blank owner is none.
   *
   * @return true when an owner is named
   */
  public boolean hasOwner() {
    return owner != null && !owner.isBlank();
  }
}

package org.councilgateway.cli;

/** Starts the {@code gateway} command. */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(GatewayCommand.run(args));
  }
}

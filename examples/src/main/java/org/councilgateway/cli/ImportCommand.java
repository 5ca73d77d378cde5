package org.councilgateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gateway import}: turns data published elsewhere into a draft plan; {@code ocds} is the one kind so far. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turns data published elsewhere into a draft forward plan to review and assess.",
    subcommands = {OcdsCommand.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

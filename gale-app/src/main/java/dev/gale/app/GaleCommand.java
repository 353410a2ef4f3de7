package dev.gale.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gale} command. Sub-commands do the work; this class only dispatches. */
@Command(name = "gale", mixinStandardHelpOptions = true, versionProvider = GaleCommand.Version.class,
    description = "A data-integration platform that speaks Airbyte's APIs.",
    subcommands = {ServerCommand.class, WorkerCommand.class, CredentialsCommand.class, ReplicateCommand.class,
        ConnectorsCommand.class, CommandLine.HelpCommand.class})
public final class GaleCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int exit = new CommandLine(new GaleCommand()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gale " + dev.gale.server.GaleServer.VERSION};
    }
  }
}

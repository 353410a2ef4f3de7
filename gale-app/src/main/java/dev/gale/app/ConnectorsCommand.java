package dev.gale.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gale connectors}: the connector catalog, a folder of Airbyte manifest-only sources the server runs. */
@Command(name = "connectors", mixinStandardHelpOptions = true,
    description = {"Manages the connector catalog: Airbyte manifest-only sources the server runs in process.",
        "A catalog is a folder in Airbyte's layout (<connector>/manifest.yaml + metadata.yaml), loaded at start.",
        "It is --catalog, else $GALE_CONNECTORS (or -Dgale.connectors), else <data dir>/connectors."},
    subcommands = {ConnectorsListCommand.class, ConnectorsImportCommand.class, CommandLine.HelpCommand.class})
final class ConnectorsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

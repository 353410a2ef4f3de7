package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a connector is started: as a program on this machine, or as a Docker image through a Docker engine. Everything
 * else about a run (its files, its messages, its limits in time and line length) is the same for both.
 */
public sealed interface Launch permits Launch.LocalProgram, DockerImage {
  /** What the connector is called in log lines and failure reasons; never holds a secret. */
  String display();

  /**
   * A program on this machine: an executable and any fixed arguments before Airbyte's own, such as
   * {@code node main.js}.
   */
  record LocalProgram(List<String> command) implements Launch {
    public LocalProgram {
      command = List.copyOf(requireNonNull(command, "command is null"));
      if (command.isEmpty()) {
        throw new IllegalArgumentException("command is empty");
      }
    }

    @Override
    public String display() {
      return String.join(" ", command);
    }
  }
}

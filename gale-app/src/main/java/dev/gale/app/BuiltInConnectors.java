package dev.gale.app;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The connectors on Gale's class path, found as users name them on the command line: by Airbyte image (with or
 * without a tag) or definition id. A name that finds nothing is a usage error that lists what exists.
 */
final class BuiltInConnectors {
  private final CommandLine commandLine;
  private final ConnectorRegistry registry;

  private BuiltInConnectors(CommandLine commandLine, ConnectorRegistry registry) {
    this.commandLine = requireNonNull(commandLine, "commandLine is null");
    this.registry = requireNonNull(registry, "registry is null");
  }

  static BuiltInConnectors load(CommandLine commandLine) {
    return new BuiltInConnectors(commandLine, ConnectorRegistry.builtIns());
  }

  Source source(String option, String name) {
    return find(name).filter(Source.class::isInstance).map(Source.class::cast)
        .orElseThrow(() -> unknown(option, name, "source", registry.sources()));
  }

  Destination destination(String option, String name) {
    return find(name).filter(Destination.class::isInstance).map(Destination.class::cast)
        .orElseThrow(() -> unknown(option, name, "destination", registry.destinations()));
  }

  private Optional<Connector> find(String name) {
    try {
      return registry.find(UUID.fromString(name));
    } catch (IllegalArgumentException notAnId) {
      int tag = name.lastIndexOf(':');
      return registry.findByDockerRepository(tag > name.lastIndexOf('/') ? name.substring(0, tag) : name);
    }
  }

  private ParameterException unknown(String option, String name, String kind, List<? extends Connector> known) {
    return new ParameterException(commandLine, option + ": no built-in " + kind + " '" + name + "'; known: "
        + known.stream().map(c -> c.descriptor().dockerRepository()).sorted().toList());
  }
}

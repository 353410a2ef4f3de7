package dev.gale.app;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.connectors.external.CustomDescriptors;
import dev.gale.connectors.external.ExternalCommand;
import dev.gale.connectors.external.ExternalDestination;
import dev.gale.connectors.external.ExternalLaunches;
import dev.gale.connectors.external.ExternalSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Connectors found as users name them on the command line: a built-in by Airbyte image (with or without a tag) or
 * definition id; else an image runs as an external program, found as the server finds one ({@link ExternalLaunches}:
 * a command of {@code GALE_CONNECTOR_COMMANDS}, {@code source-xyz} on the PATH, Docker), whose {@code spec} is run
 * once here. A name that finds nothing is a usage error that lists what exists and what was tried.
 */
final class NamedConnectors {
  /** The tag Docker runs when a name has none; a local program runs whatever version is installed. */
  private static final String DEFAULT_TAG = "latest";

  private final CommandLine commandLine;
  private final ConnectorRegistry registry;
  private final ExternalLaunches launches;

  NamedConnectors(CommandLine commandLine, ConnectorRegistry registry, ExternalLaunches launches) {
    this.commandLine = requireNonNull(commandLine, "commandLine is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.launches = requireNonNull(launches, "launches is null");
  }

  /** The built-ins, and external programs as {@code environment} configures them. */
  static NamedConnectors load(CommandLine commandLine, Map<String, String> environment) {
    try {
      return new NamedConnectors(commandLine, ConnectorRegistry.builtIns(), ExternalLaunches.fromEnvironment(environment));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage(), e);
    }
  }

  Source source(String option, String name) {
    return find(option, name, Source.class, ConnectorDescriptor.Kind.SOURCE, registry.sources(), ExternalSource::load);
  }

  Destination destination(String option, String name) {
    return find(option, name, Destination.class, ConnectorDescriptor.Kind.DESTINATION, registry.destinations(),
        ExternalDestination::load);
  }

  /** The built-in of that name and type, else the external program that runs the image, its {@code spec} read. */
  private <T extends Connector> T find(String option, String name, Class<T> type, ConnectorDescriptor.Kind kind,
                                       List<? extends Connector> builtIns,
                                       BiFunction<ConnectorDescriptor, ExternalCommand, T> load) {
    Optional<T> builtIn = find(name).filter(type::isInstance).map(type::cast);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    Image image = image(name);
    ExternalLaunches.Search search = launches.find(kind, image.repository(), image.tag());
    ExternalCommand command = search.command().orElseThrow(() -> unknown(option, name, kind, builtIns, search));
    try {
      return load.apply(descriptor(image, kind), command);
    } catch (ConnectorException e) {
      // The program was found but gave no specification: the user named something that is not a connector.
      throw new ParameterException(commandLine, option + ": " + name + " (" + command.launch().display()
          + ") answered no spec: " + e.getMessage(), e);
    }
  }

  private Optional<Connector> find(String name) {
    try {
      return registry.find(UUID.fromString(name));
    } catch (IllegalArgumentException notAnId) {
      return registry.findByDockerRepository(image(name).repository());
    }
  }

  private static ConnectorDescriptor descriptor(Image image, ConnectorDescriptor.Kind kind) {
    return CustomDescriptors.of(UUID.nameUUIDFromBytes(image.repository().getBytes(StandardCharsets.UTF_8)), kind,
        image.repository(), image.repository(), image.tag(), null, null);
  }

  /** {@code owner/name:tag}, the tag {@value #DEFAULT_TAG} when there is none (a registry's port is no tag). */
  private static Image image(String name) {
    int tag = name.lastIndexOf(':');
    return tag > name.lastIndexOf('/') ? new Image(name.substring(0, tag), name.substring(tag + 1))
        : new Image(name, DEFAULT_TAG);
  }

  private ParameterException unknown(String option, String name, ConnectorDescriptor.Kind kind,
                                     List<? extends Connector> known, ExternalLaunches.Search search) {
    String label = kind == ConnectorDescriptor.Kind.SOURCE ? "source" : "destination";
    return new ParameterException(commandLine, option + ": no built-in " + label + " '" + name + "'; known: "
        + known.stream().map(c -> c.descriptor().dockerRepository()).sorted().toList() + ". Nor does it run as an "
        + "external program: " + String.join("; ", search.tried()) + ". An image owner/" + label + "-xyz runs from "
        + "a command configured for it in the file " + ExternalLaunches.COMMANDS_VARIABLE + " names, an executable "
        + label + "-xyz on the PATH, or Docker where an engine answers");
  }

  private record Image(String repository, String tag) {}
}

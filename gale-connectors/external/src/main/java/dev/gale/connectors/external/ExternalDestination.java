package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import java.util.List;
import java.util.Map;

/**
 * A destination that is a program speaking the Airbyte Protocol on stdio ({@link ExternalCommand}). {@code open}
 * starts {@code write}; how its acknowledgements become the engine's commits is told in {@link ExternalWriter}.
 *
 * <p>The specification is read once ({@link #load}) and kept, since {@link #spec()} must answer at once.
 */
public final class ExternalDestination implements Destination {
  private final ConnectorDescriptor descriptor;
  private final Invocations invocations;
  private final ConnectorSpecification spec;
  private final ConnectorCapabilities capabilities;

  public ExternalDestination(ConnectorDescriptor descriptor, ExternalCommand command, ConnectorSpecification spec) {
    this.descriptor = requireNonNull(descriptor, "descriptor is null");
    this.invocations = new Invocations(command);
    this.spec = requireNonNull(spec, "spec is null");
    if (descriptor.kind() != ConnectorDescriptor.Kind.DESTINATION) {
      throw new IllegalArgumentException(descriptor.name() + " is not described as a destination");
    }
    // The modes the program declares; Airbyte's two basic ones where it declares none.
    List<DestinationSyncMode> modes = spec.supportedDestinationSyncModes() == null
        || spec.supportedDestinationSyncModes().isEmpty()
        ? List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE) : spec.supportedDestinationSyncModes();
    this.capabilities = ConnectorCapabilities.destination(modes.toArray(DestinationSyncMode[]::new));
  }

  /**
   * Runs the program's {@code spec} and returns the destination.
   *
   * @throws dev.gale.connector.ConnectorException when the program cannot be run or gives no specification
   */
  public static ExternalDestination load(ConnectorDescriptor descriptor, ExternalCommand command) {
    return new ExternalDestination(descriptor, command, new Invocations(command).spec());
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public ConnectorSpecification spec() {
    return spec;
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    return invocations.check(config, Invocations.mask(spec, config));
  }

  /** Starts the program's {@code write}; called on the engine's sync thread, whose interrupt cancels the program. */
  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(context, "context is null");
    Map<String, Object> files = Invocations.configFile(config);
    files.put("catalog", catalog);
    return ExternalWriter.start(ConnectorProcess.start(invocations.command(), "write", files, context.log(),
        Invocations.mask(spec, config)), context);
  }
}

package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;

/**
 * A source that is a program speaking the Airbyte Protocol on stdio ({@link ExternalCommand}). Every call runs the
 * program once with Airbyte's arguments; {@code read} decodes its records into typed batches as they arrive (see
 * {@link SourceReading}), so what follows in the engine is the same as for a built-in source.
 *
 * <p>The specification is read once ({@link #load}) and kept, since {@link #spec()} must answer at once.
 */
public final class ExternalSource implements Source {
  private final ConnectorDescriptor descriptor;
  private final Invocations invocations;
  private final ConnectorSpecification spec;

  public ExternalSource(ConnectorDescriptor descriptor, ExternalCommand command, ConnectorSpecification spec) {
    this.descriptor = requireNonNull(descriptor, "descriptor is null");
    this.invocations = new Invocations(command);
    this.spec = requireNonNull(spec, "spec is null");
    if (descriptor.kind() != ConnectorDescriptor.Kind.SOURCE) {
      throw new IllegalArgumentException(descriptor.name() + " is not described as a source");
    }
  }

  /**
   * Runs the program's {@code spec} and returns the source.
   *
   * @throws dev.gale.connector.ConnectorException when the program cannot be run or gives no specification
   */
  public static ExternalSource load(ConnectorDescriptor descriptor, ExternalCommand command) {
    return new ExternalSource(descriptor, command, new Invocations(command).spec());
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  /** Both modes: which streams support incremental reads only {@code discover} tells. */
  @Override
  public ConnectorCapabilities capabilities() {
    return ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
  }

  @Override
  public ConnectorSpecification spec() {
    return spec;
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    return invocations.check(config, Invocations.mask(spec, config));
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    return invocations.discover(config, Invocations.mask(spec, config)).catalog();
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(state, "state is null");
    requireNonNull(output, "output is null");
    Map<String, Object> files = Invocations.configFile(config);
    files.put("catalog", catalog);
    if (!state.isEmpty()) {
      files.put("state", stateFile(state));
    }
    try (ConnectorProcess process = ConnectorProcess.start(invocations.command(), "read", files, output::log,
        Invocations.mask(spec, config))) {
      new SourceReading(process, catalog, output).run();
    }
  }

  /**
   * The {@code --state} file: the list of state messages the previous sync committed, or for a LEGACY state its bare
   * {@code data}, which is what connectors of that generation read.
   */
  static Object stateFile(List<AirbyteStateMessage> state) {
    if (state.size() == 1 && state.getFirst().type() == AirbyteStateType.LEGACY) {
      return state.getFirst().data();
    }
    return state;
  }
}

package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import java.util.List;

/**
 * The source of a reset: the connection's source as it describes itself, reading nothing. The engine then opens the
 * destination with the reset streams overwritten, writes no record and completes, which leaves those streams empty.
 */
final class ClearingSource implements Source {
  private final Source source;

  ClearingSource(Source source) {
    this.source = requireNonNull(source, "source is null");
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return source.descriptor();
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return source.capabilities();
  }

  @Override
  public ConnectorSpecification spec() {
    return source.spec();
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    return source.check(config);
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    return source.discover(config);
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state, SourceOutput output) {
    output.log(SourceOutput.LogLevel.INFO, "Reset: no records are read; the destination replaces "
        + catalog.streams().size() + " streams with nothing");
  }
}

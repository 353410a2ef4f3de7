package dev.gale.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.List;

/** Requests for engine tests. */
final class Syncs {
  static final JsonNode DEV_NULL_CONFIG = Json.parse("{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}");
  private static final JsonNode NO_CONFIG = Json.object();

  private Syncs() {}

  static ReplicationRequest scripted(ScriptedSource source, Destination destination, StreamMapping mapping) {
    return new ReplicationRequest(source, NO_CONFIG, destination, NO_CONFIG, source.configuredCatalog(), mapping,
        List.of(), 7);
  }

  static ReplicationRequest sample(String sampleConfig, Destination destination) {
    SampleDataSource source = new SampleDataSource();
    JsonNode config = Json.parse(sampleConfig);
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(source.discover(config).streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND))
        .toList());
    JsonNode destinationConfig = destination instanceof DevNullDestination ? DEV_NULL_CONFIG : NO_CONFIG;
    return new ReplicationRequest(source, config, destination, destinationConfig, catalog, StreamMapping.identity(),
        List.of(), 42);
  }
}

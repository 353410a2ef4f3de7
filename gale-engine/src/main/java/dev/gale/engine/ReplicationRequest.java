package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import java.util.List;

/**
 * One sync to run: which connectors with which (revealed) configurations, which streams, how they map, and the
 * committed state to resume from.
 *
 * @param catalog source-side streams with their sync modes, cursors, primary keys and destination sync modes
 * @param state the state committed by earlier syncs; empty for a first sync
 * @param syncId unique per sync (the job id)
 */
public record ReplicationRequest(Source source, JsonNode sourceConfig, Destination destination, JsonNode destinationConfig,
                                 ConfiguredAirbyteCatalog catalog, StreamMapping mapping, List<AirbyteStateMessage> state,
                                 long syncId) {
  public ReplicationRequest {
    requireNonNull(source, "source is null");
    requireNonNull(sourceConfig, "sourceConfig is null");
    requireNonNull(destination, "destination is null");
    requireNonNull(destinationConfig, "destinationConfig is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(mapping, "mapping is null");
    state = List.copyOf(requireNonNull(state, "state is null"));
  }

  /** The request's configurations are secrets; never print them. */
  @Override
  public String toString() {
    return "ReplicationRequest[source=" + source.descriptor().name() + ", destination=" + destination.descriptor().name()
        + ", streams=" + catalog.streams().size() + ", syncId=" + syncId + "]";
  }
}

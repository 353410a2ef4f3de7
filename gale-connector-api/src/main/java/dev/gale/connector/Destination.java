package dev.gale.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.ConfiguredAirbyteCatalog;

/**
 * A connector that data goes to. Its {@link #descriptor()} has kind {@link ConnectorDescriptor.Kind#DESTINATION},
 * its {@link #capabilities()} name the destination sync modes it applies, and its {@link #spec()} lists the same
 * modes as {@code supported_destination_sync_modes}.
 */
public interface Destination extends Connector {

  /**
   * Opens the writing of one sync. The catalog holds destination-side streams: the engine has already applied the
   * connection's namespace, prefix and field selection, so each stream's namespace and name are where its records
   * go. May block (connect, create schemas and staging tables); the writer's own contract is in
   * {@link DestinationWriter}.
   *
   * @throws ConnectorException when the destination cannot be written with this configuration; the message is for
   *     the user and holds no secret
   */
  DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context);
}

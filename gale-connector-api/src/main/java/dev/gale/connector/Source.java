package dev.gale.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteCatalog;

/**
 * A connector that data comes from. Besides the {@link Connector} contract, a source tells which streams it offers.
 * Its {@link #descriptor()} has kind {@link ConnectorDescriptor.Kind#SOURCE} and a source type.
 */
public interface Source extends Connector {

  /**
   * Lists the streams this source offers with {@code config}, each with its JSON Schema, supported sync modes and,
   * where the source knows them, primary key and cursor. May block; the threading rules of {@link Connector} apply.
   *
   * @throws ConnectorException when the configuration is invalid or the system it names cannot be read; the message
   *     is for the user and holds no secret value
   */
  AirbyteCatalog discover(JsonNode config);
}

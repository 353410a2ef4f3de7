package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.StreamDescriptor;

/** One line of a connector's stdout, as far as Gale acts on it. */
sealed interface ProtocolMessage {

  /** A record; {@code data} is the JSON object as sent, typed later against the stream's schema. */
  record Record(StreamDescriptor stream, JsonNode data, long emittedAt) implements ProtocolMessage {
    public Record {
      requireNonNull(stream, "stream is null");
      requireNonNull(data, "data is null");
    }
  }

  record State(AirbyteStateMessage state) implements ProtocolMessage {
    public State {
      requireNonNull(state, "state is null");
    }
  }

  record Log(LogLevel level, String message) implements ProtocolMessage {}

  /**
   * A TRACE of type ERROR: the connector says why it fails.
   *
   * @param failureType the protocol's {@code failure_type} ({@code system_error}, {@code config_error},
   *     {@code transient_error}), or {@code null} when the connector gave none
   */
  record TraceError(String message, String internalMessage, String failureType) implements ProtocolMessage {}

  record Spec(ConnectorSpecification spec) implements ProtocolMessage {}

  record ConnectionStatus(AirbyteConnectionStatus status) implements ProtocolMessage {}

  record Catalog(AirbyteCatalog catalog) implements ProtocolMessage {}

  /** A message this slice does not act on (CONTROL, other TRACE types) or of a type the protocol does not know. */
  record Ignored(String type) implements ProtocolMessage {}

  /** A line that is no protocol message at all (not JSON, or JSON without a type): kept as log text. */
  record Text(String line) implements ProtocolMessage {}
}

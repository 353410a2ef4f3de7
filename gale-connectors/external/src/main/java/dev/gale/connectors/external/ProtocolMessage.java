package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents;
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

  /** A TRACE of type ESTIMATE: how much a stream (or, with no stream, the whole sync) is expected to read. */
  record Estimate(SyncEvents.Estimate estimate) implements ProtocolMessage {
    public Estimate {
      requireNonNull(estimate, "estimate is null");
    }
  }

  /** A TRACE of type STREAM_STATUS. */
  record StreamStatus(StreamDescriptor stream, SyncEvents.StreamStatus status) implements ProtocolMessage {
    public StreamStatus {
      requireNonNull(stream, "stream is null");
      requireNonNull(status, "status is null");
    }
  }

  /** A CONTROL message of type CONNECTOR_CONFIG: the connector's whole new configuration, secrets in the clear. */
  record ConfigUpdate(JsonNode config) implements ProtocolMessage {
    public ConfigUpdate {
      requireNonNull(config, "config is null");
    }

    // A record would print its configuration, secrets included.
    @Override
    public String toString() {
      return "ConfigUpdate[config=<hidden>]";
    }
  }

  /**
   * An ESTIMATE, STREAM_STATUS or CONTROL message that does not follow the protocol. Unlike a malformed RECORD or
   * STATE, it is dropped with a warning rather than failing the sync: it carries news about the sync, not its data.
   *
   * @param problem names the fields, never their values
   */
  record Invalid(String type, String problem) implements ProtocolMessage {}

  /** A message Gale does not act on (other TRACE and CONTROL types) or of a type the protocol does not know. */
  record Ignored(String type) implements ProtocolMessage {}

  /** A line that is no protocol message at all (not JSON, or JSON without a type): kept as log text. */
  record Text(String line) implements ProtocolMessage {}
}

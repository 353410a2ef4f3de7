package dev.gale.server.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.api.model.StateBodies.ConnectionState;
import dev.gale.server.api.model.StateBodies.GlobalState;
import dev.gale.server.api.model.StateBodies.StreamDescriptor;
import dev.gale.server.api.model.StateBodies.StreamState;
import dev.gale.server.domain.StateType;
import dev.gale.server.service.job.StateService.GlobalStateWrite;
import dev.gale.server.service.job.StateService.StateWrite;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps a connection's state to and from the Config API's {@code ConnectionState}. */
final class StateReads {
  private StateReads() {}

  /** {@code not_set} when the connection has no state. */
  static ConnectionState read(UUID connectionId, Optional<dev.gale.server.domain.ConnectionState> stored) {
    return stored.map(state -> read(connectionId, state))
        .orElse(new ConnectionState(StateType.NOT_SET, connectionId, null, null, null));
  }

  /** Keeps null stream states, which the service refuses with their position. */
  static StateWrite write(ConnectionState state) {
    GlobalState global = state.globalState();
    return new StateWrite(state.stateType(), state.connectionId(), state.state(), toDomain(state.streamState()),
        global == null ? null : new GlobalStateWrite(global.sharedState(), toDomain(global.streamStates())));
  }

  private static List<dev.gale.server.domain.StreamState> toDomain(List<StreamState> streams) {
    return streams == null ? null : streams.stream().map(s -> s == null ? null : new dev.gale.server.domain.StreamState(
        new dev.gale.server.domain.StreamDescriptor(s.streamDescriptor().name(), s.streamDescriptor().namespace()),
        s.streamState())).toList();
  }

  private static ConnectionState read(UUID connectionId, dev.gale.server.domain.ConnectionState state) {
    return switch (state.type()) {
      case LEGACY -> new ConnectionState(StateType.LEGACY, connectionId, object(state.legacyState()), null, null);
      case STREAM -> new ConnectionState(StateType.STREAM, connectionId, null, read(state.streamStates()), null);
      case GLOBAL -> new ConnectionState(StateType.GLOBAL, connectionId, null, null,
          new GlobalState(object(state.sharedState()), read(state.streamStates())));
      case NOT_SET -> throw new IllegalStateException("not_set is never stored");
    };
  }

  private static List<StreamState> read(List<dev.gale.server.domain.StreamState> streams) {
    return streams.stream().map(stream -> new StreamState(
        new StreamDescriptor(stream.stream().name(), stream.stream().namespace()), object(stream.state()))).toList();
  }

  /** State blobs are objects in the API; a sync may have stored another JSON value, which is then left out. */
  private static ObjectNode object(JsonNode blob) {
    return blob instanceof ObjectNode node ? node : null;
  }
}

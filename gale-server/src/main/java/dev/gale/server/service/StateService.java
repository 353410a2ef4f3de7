package dev.gale.server.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.api.model.StateBodies.ConnectionState;
import dev.gale.server.api.model.StateBodies.ConnectionStateCreateOrUpdate;
import dev.gale.server.api.model.StateBodies.GlobalState;
import dev.gale.server.api.model.StateBodies.StreamDescriptor;
import dev.gale.server.api.model.StateBodies.StreamState;
import dev.gale.server.domain.StateType;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.store.StateRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A connection's saved state, read and replaced through the API (for example to move a connection's position by
 * hand). Writes replace the whole state in one transaction; syncs merge what their destination acknowledged
 * through the repository instead.
 */
public final class StateService {
  private final StateRepository states;
  private final ConnectionService connections;
  private final JobService jobs;

  public StateService(StateRepository states, ConnectionService connections, JobService jobs) {
    this.states = requireNonNull(states, "states is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
  }

  /** The connection's state; {@code not_set} when it has none. */
  public ConnectionState get(UUID connectionId) {
    connections.find(connectionId);
    return states.get(connectionId).map(state -> read(connectionId, state))
        .orElse(new ConnectionState(StateType.NOT_SET, connectionId, null, null, null));
  }

  /**
   * Replaces the connection's state with the one given, which must have the shape its {@code stateType} names.
   * {@code not_set} clears the state. Answers the state as stored.
   */
  public ConnectionState createOrUpdate(ConnectionStateCreateOrUpdate request) {
    UUID connectionId = connections.find(request.connectionId()).id();
    ConnectionState state = request.connectionState();
    if (!connectionId.equals(state.connectionId())) {
      throw new InvalidInputException("connectionState.connectionId", state.connectionId(),
          "The state names connection %s, the request %s".formatted(state.connectionId(), connectionId));
    }
    requireShape(state);
    if (state.stateType() == StateType.NOT_SET) {
      states.clear(connectionId);
    } else {
      states.replace(connectionId, toDomain(state));
    }
    return get(connectionId);
  }

  /**
   * {@link #createOrUpdate}, refused with a 423 while the connection has a sync or reset under way: its commits would
   * overwrite the state given, or build on the one replaced.
   */
  public ConnectionState createOrUpdateWhileIdle(ConnectionStateCreateOrUpdate request) {
    jobs.activeReplicationJob(request.connectionId()).ifPresent(job -> {
      throw new BadRequestException(423, "Connection " + request.connectionId() + " is running job " + job.id()
          + "; its state can be replaced once the job ends");
    });
    return createOrUpdate(request);
  }

  /** Forgets the state of some streams, keeping the others; a legacy state cannot be split, so it goes whole. */
  public void clearStreams(UUID connectionId, List<StreamDescriptor> streams) {
    connections.find(connectionId);
    states.clearStreams(connectionId, streams.stream()
        .map(s -> new dev.gale.server.domain.StreamDescriptor(s.name(), s.namespace())).toList());
  }

  /** Only the field of the state's type is set, stream states name each stream once. */
  private static void requireShape(ConnectionState state) {
    StateType type = state.stateType();
    requireOnly(state.state() != null, type == StateType.LEGACY, "state", type);
    requireOnly(state.streamState() != null, type == StateType.STREAM, "streamState", type);
    requireOnly(state.globalState() != null, type == StateType.GLOBAL, "globalState", type);
    List<StreamState> streams = type == StateType.STREAM ? state.streamState()
        : type == StateType.GLOBAL ? state.globalState().streamStates() : List.of();
    String path = type == StateType.STREAM ? "connectionState.streamState" : "connectionState.globalState.streamStates";
    Set<StreamDescriptor> seen = new HashSet<>();
    for (int i = 0; i < streams.size(); i++) {
      StreamState stream = streams.get(i);
      if (stream == null || !seen.add(stream.streamDescriptor())) {
        throw new InvalidInputException(path + "[" + i + "]", null, stream == null ? "A stream state is required here"
            : "The stream '%s'%s has a state twice".formatted(stream.streamDescriptor().name(),
                stream.streamDescriptor().namespace() == null ? "" : " of namespace '" + stream.streamDescriptor().namespace() + "'"));
      }
    }
  }

  private static void requireOnly(boolean present, boolean belongs, String field, StateType type) {
    if (present != belongs) {
      throw new InvalidInputException("connectionState." + field, null, belongs
          ? "A state of type %s needs '%s'".formatted(wire(type), field)
          : "A state of type %s has no '%s'; %s".formatted(wire(type), field, expected(type)));
    }
  }

  private static String expected(StateType type) {
    return switch (type) {
      case LEGACY -> "it carries 'state'";
      case STREAM -> "it carries 'streamState'";
      case GLOBAL -> "it carries 'globalState'";
      case NOT_SET -> "it carries nothing";
    };
  }

  private static String wire(StateType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static dev.gale.server.domain.ConnectionState toDomain(ConnectionState state) {
    return switch (state.stateType()) {
      case LEGACY -> dev.gale.server.domain.ConnectionState.legacy(state.state());
      case STREAM -> dev.gale.server.domain.ConnectionState.stream(toDomain(state.streamState()));
      case GLOBAL -> dev.gale.server.domain.ConnectionState.global(state.globalState().sharedState(),
          toDomain(state.globalState().streamStates()));
      case NOT_SET -> throw new IllegalArgumentException("not_set is no state");
    };
  }

  private static List<dev.gale.server.domain.StreamState> toDomain(List<StreamState> streams) {
    return streams.stream().map(s -> new dev.gale.server.domain.StreamState(new dev.gale.server.domain.StreamDescriptor(
        s.streamDescriptor().name(), s.streamDescriptor().namespace()), s.streamState())).toList();
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
    List<StreamState> read = new ArrayList<>();
    for (dev.gale.server.domain.StreamState stream : streams) {
      read.add(new StreamState(new StreamDescriptor(stream.stream().name(), stream.stream().namespace()), object(stream.state())));
    }
    return read;
  }

  /** State blobs are objects in the API; a sync may have stored another JSON value, which is then left out. */
  private static ObjectNode object(JsonNode blob) {
    return blob instanceof ObjectNode node ? node : null;
  }
}

package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.ConnectionState;
import dev.gale.server.domain.StateType;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamState;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.store.StateRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A connection's saved state, read and replaced through the API (for example to move a connection's position by
 * hand). Writes replace the whole state in one transaction; syncs merge what their destination acknowledged
 * through the repository instead.
 */
public final class StateService {
  /**
   * A state as a client writes it, before its shape is checked: only the part its {@code stateType} names may be set,
   * and none for {@code not_set}.
   *
   * @param connectionId the connection the state names, which must be the one written to
   * @param streamState nullable, and so is each item (refused)
   */
  public record StateWrite(StateType stateType, UUID connectionId, JsonNode state, List<StreamState> streamState,
                           GlobalStateWrite globalState) {}

  /** @param streamStates each item nullable (refused) */
  public record GlobalStateWrite(JsonNode sharedState, List<StreamState> streamStates) {}

  private final StateRepository states;
  private final ConnectionService connections;
  private final JobService jobs;

  public StateService(StateRepository states, ConnectionService connections, JobService jobs) {
    this.states = requireNonNull(states, "states is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.jobs = requireNonNull(jobs, "jobs is null");
  }

  /** The connection's state; empty ({@code not_set}) when it has none. */
  public Optional<ConnectionState> get(UUID connectionId) {
    connections.find(connectionId);
    return states.get(connectionId);
  }

  /**
   * Replaces the connection's state with the one given, which must have the shape its {@code stateType} names.
   * {@code not_set} clears the state. Answers the state as stored.
   */
  public Optional<ConnectionState> createOrUpdate(UUID connectionId, StateWrite state) {
    connections.find(connectionId);
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
  public Optional<ConnectionState> createOrUpdateWhileIdle(UUID connectionId, StateWrite state) {
    jobs.activeReplicationJob(connectionId).ifPresent(job -> {
      throw new BadRequestException(423, "Connection " + connectionId + " is running job " + job.id()
          + "; its state can be replaced once the job ends");
    });
    return createOrUpdate(connectionId, state);
  }

  /** Forgets the state of some streams, keeping the others; a legacy state cannot be split, so it goes whole. */
  public void clearStreams(UUID connectionId, List<StreamDescriptor> streams) {
    connections.find(connectionId);
    states.clearStreams(connectionId, streams);
  }

  /** Only the field of the state's type is set, stream states name each stream once. */
  private static void requireShape(StateWrite state) {
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
      if (stream == null || !seen.add(stream.stream())) {
        throw new InvalidInputException(path + "[" + i + "]", null, stream == null ? "A stream state is required here"
            : "The stream '%s'%s has a state twice".formatted(stream.stream().name(),
                stream.stream().namespace() == null ? "" : " of namespace '" + stream.stream().namespace() + "'"));
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

  private static ConnectionState toDomain(StateWrite state) {
    return switch (state.stateType()) {
      case LEGACY -> ConnectionState.legacy(state.state());
      case STREAM -> ConnectionState.stream(state.streamState());
      case GLOBAL -> ConnectionState.global(state.globalState().sharedState(), state.globalState().streamStates());
      case NOT_SET -> throw new IllegalArgumentException("not_set is no state");
    };
  }
}

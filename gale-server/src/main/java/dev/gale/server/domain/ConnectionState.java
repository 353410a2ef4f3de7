package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A connection's saved state in one of the Airbyte Protocol's three shapes:
 * <ul>
 *   <li>{@link StateType#STREAM}: one state per stream ({@code streamStates});
 *   <li>{@link StateType#GLOBAL}: a state shared by all streams ({@code sharedState}, e.g. a CDC position) plus one
 *       per stream;
 *   <li>{@link StateType#LEGACY}: one opaque blob for the whole connection ({@code legacyState}).
 * </ul>
 * Fields that do not belong to the shape are null (or an empty list). A connection without state has no
 * {@code ConnectionState} at all, so {@link StateType#NOT_SET} is not accepted here.
 */
public record ConnectionState(StateType type, JsonNode legacyState, JsonNode sharedState, List<StreamState> streamStates) {

  public ConnectionState {
    requireNonNull(type, "type is null");
    streamStates = List.copyOf(requireNonNull(streamStates, "streamStates is null"));
    switch (type) {
      case LEGACY -> {
        requireNonNull(legacyState, "legacyState is null");
        require(sharedState == null && streamStates.isEmpty(), "a legacy state has only the legacy blob");
      }
      case STREAM -> require(legacyState == null && sharedState == null, "a stream state has only stream states");
      case GLOBAL -> require(legacyState == null, "a global state has no legacy blob");
      case NOT_SET -> throw new IllegalArgumentException("NOT_SET is the absence of state, not a state");
    }
    Set<StreamDescriptor> seen = new HashSet<>();
    for (StreamState streamState : streamStates) {
      require(seen.add(streamState.stream()), "stream " + streamState.stream() + " appears twice");
    }
  }

  public static ConnectionState legacy(JsonNode state) {
    return new ConnectionState(StateType.LEGACY, state, null, List.of());
  }

  public static ConnectionState stream(List<StreamState> streamStates) {
    return new ConnectionState(StateType.STREAM, null, null, streamStates);
  }

  /** @param sharedState nullable: a global state may not have produced its shared part yet */
  public static ConnectionState global(JsonNode sharedState, List<StreamState> streamStates) {
    return new ConnectionState(StateType.GLOBAL, null, sharedState, streamStates);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}

package dev.gale.server.jobs;

import dev.gale.protocol.AirbyteGlobalState;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.AirbyteStreamState;
import dev.gale.server.domain.ConnectionState;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamState;
import java.util.List;

/**
 * Between a connection's stored state and the protocol's state messages: what a sync resumes from, and what it
 * commits as its destination acknowledges.
 */
final class StateMessages {
  private StateMessages() {}

  /** The messages a source resumes from: one per stream, one global message, or one legacy blob. */
  static List<AirbyteStateMessage> of(ConnectionState state) {
    return switch (state.type()) {
      case STREAM -> state.streamStates().stream()
          .map(stream -> AirbyteStateMessage.stream(protocol(stream.stream()), stream.state())).toList();
      case GLOBAL -> List.of(new AirbyteStateMessage(AirbyteStateType.GLOBAL, null, new AirbyteGlobalState(
          state.sharedState(), state.streamStates().stream()
              .map(stream -> new AirbyteStreamState(protocol(stream.stream()), stream.state())).toList()),
          null, null, null));
      case LEGACY -> List.of(new AirbyteStateMessage(AirbyteStateType.LEGACY, null, null, state.legacyState(), null, null));
      case NOT_SET -> List.of();
    };
  }

  /**
   * What a committed message means for the stored state: a stream message replaces that stream's part only
   * ({@link #mergesIntoStored}); a global or legacy message is the whole state.
   */
  static ConnectionState toStored(AirbyteStateMessage message) {
    return switch (message.type()) {
      case STREAM -> ConnectionState.stream(List.of(stream(message.stream())));
      case GLOBAL -> ConnectionState.global(message.global().sharedState(),
          message.global().streamStates().stream().map(StateMessages::stream).toList());
      case LEGACY -> ConnectionState.legacy(message.data());
    };
  }

  static boolean mergesIntoStored(AirbyteStateMessage message) {
    return message.type() == AirbyteStateType.STREAM;
  }

  private static StreamState stream(AirbyteStreamState state) {
    return new StreamState(new StreamDescriptor(state.streamDescriptor().name(), state.streamDescriptor().namespace()),
        state.streamState());
  }

  private static dev.gale.protocol.StreamDescriptor protocol(StreamDescriptor stream) {
    return new dev.gale.protocol.StreamDescriptor(stream.name(), stream.namespace());
  }
}

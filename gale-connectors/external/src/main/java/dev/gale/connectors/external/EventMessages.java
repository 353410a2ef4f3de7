package dev.gale.connectors.external;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents;
import java.util.function.BiConsumer;

/**
 * The messages a sync's connector sends about the sync rather than its data (ESTIMATE and STREAM_STATUS traces,
 * CONTROL configuration updates), handed to the {@link SyncEvents} of a source's output or a destination's context.
 * Shared by both directions: a source and a destination may send each of them.
 */
final class EventMessages {
  private EventMessages() {}

  /**
   * Hands {@code message} on when it is one of these.
   *
   * @return false when it is another kind of message, left to the caller
   */
  static boolean deliver(ProtocolMessage message, SyncEvents events, BiConsumer<LogLevel, String> log) {
    switch (message) {
      case ProtocolMessage.Estimate estimate -> events.estimate(estimate.estimate());
      case ProtocolMessage.StreamStatus status -> events.streamStatus(status.stream(), status.status());
      case ProtocolMessage.ConfigUpdate update -> {
        // Said without values: the configuration holds secrets.
        log.accept(LogLevel.INFO, "the connector sent an updated configuration (CONTROL CONNECTOR_CONFIG)");
        events.configurationUpdated(update.config());
      }
      case ProtocolMessage.Invalid invalid -> log.accept(LogLevel.WARN, "ignored an invalid " + invalid.type()
          + " message: " + invalid.problem());
      default -> {
        return false;
      }
    }
    return true;
  }
}

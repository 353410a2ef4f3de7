package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents;
import dev.gale.engine.ReplicationListener.Side;
import dev.gale.protocol.StreamDescriptor;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector's {@link SyncEvents}, passed to the {@link ReplicationListener} with the side they came from; a
 * source's estimates go into the sync's stats instead. A listener that fails here fails nothing: these are news, not
 * data, and the connector calling is in the middle of its read or write.
 */
final class SideEvents implements SyncEvents {
  private static final Logger LOG = LoggerFactory.getLogger(SideEvents.class);

  private final Side side;
  private final SyncStats stats;
  private final ReplicationListener listener;

  SideEvents(Side side, SyncStats stats, ReplicationListener listener) {
    this.side = requireNonNull(side, "side is null");
    this.stats = requireNonNull(stats, "stats is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  @Override
  public void estimate(Estimate estimate) {
    requireNonNull(estimate, "estimate is null");
    // Estimates are of what a sync reads: only a source's mean something.
    if (side != Side.SOURCE || !stats.estimated(estimate)) {
      log(LogLevel.DEBUG, "ignored an estimate for " + (side == Side.SOURCE ? "stream " + estimate.stream()
          + ", which the sync does not read" : "the destination"));
    }
  }

  @Override
  public void streamStatus(StreamDescriptor stream, StreamStatus status) {
    requireNonNull(stream, "stream is null");
    requireNonNull(status, "status is null");
    try {
      listener.streamStatus(side, stream, status);
    } catch (RuntimeException e) {
      LOG.warn("The listener failed on a stream status of the {}", label(), e);
    }
  }

  @Override
  public void configurationUpdated(JsonNode configuration) {
    requireNonNull(configuration, "configuration is null");
    try {
      listener.configurationUpdated(side, configuration);
    } catch (RuntimeException e) {
      // The exception may quote the configuration: only its type is logged, here and in the attempt's log.
      LOG.warn("The listener failed on a configuration update of the {} ({})", label(), e.getClass().getName());
      log(LogLevel.WARN, "the " + label() + "'s configuration update could not be handled ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private void log(LogLevel level, String message) {
    try {
      listener.log(level, label() + ": " + message);
    } catch (RuntimeException e) {
      LOG.warn("The listener could not log a line", e);
    }
  }

  private String label() {
    return side.name().toLowerCase(Locale.ROOT);
  }
}

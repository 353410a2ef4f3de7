package dev.gale.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;

/**
 * What the engine tells the one who runs a sync (the worker). Called from the engine's threads and the connectors'
 * (a source's read thread, a destination's own threads); implementations are quick and thread-safe.
 *
 * <p>A source's estimates are not passed on one by one: they are kept in the sync's {@link SyncTotals} (see
 * {@link #progress} and the result).
 */
public interface ReplicationListener {
  /**
   * Persists a state the destination has made durable (source-side stream names). The engine calls it in the order
   * the source emitted the states, only after the records they cover were flushed; when this returns, the state is
   * committed. A state that a later one of the same stream (or a later global state) supersedes before the next
   * flush is not committed on its own: the later one includes it. An exception fails the sync ({@code PERSISTENCE}).
   */
  void commitState(AirbyteStateMessage state);

  /** A line for the attempt's log, from the engine or a connector; never a secret value. */
  void log(LogLevel level, String message);

  /** The running totals, now and then while the sync runs (for live job stats); an exception only stops these calls. */
  default void progress(SyncTotals totals) {}

  /**
   * A connector reported where one of its streams stands, as it sent it (a source's are source-side streams, a
   * destination's destination-side ones). An exception is logged and ignored.
   */
  default void streamStatus(Side side, StreamDescriptor stream, StreamStatus status) {}

  /**
   * A connector sent a new configuration of its own to keep for later syncs (see
   * {@link dev.gale.connector.data.SyncEvents#configurationUpdated}); it holds real secret values. The sync goes on
   * whatever this does; an exception is logged and ignored.
   */
  default void configurationUpdated(Side side, JsonNode configuration) {}

  /** Which connector of the sync something came from. */
  enum Side { SOURCE, DESTINATION }
}

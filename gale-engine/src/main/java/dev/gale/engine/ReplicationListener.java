package dev.gale.engine;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.AirbyteStateMessage;

/**
 * What the engine tells the one who runs a sync (the worker). Called from the engine's threads; implementations are
 * quick and thread-safe.
 */
public interface ReplicationListener {
  /**
   * Persists a state the destination has made durable (source-side stream names). The engine calls it in the order
   * the source emitted the states, only after the records they cover were flushed; when this returns, the state is
   * committed. An exception fails the sync.
   */
  void commitState(AirbyteStateMessage state);

  /** A line for the attempt's log, from the engine or a connector; never a secret value. */
  void log(LogLevel level, String message);

  /** The running totals, now and then while the sync runs (for live job stats). */
  default void progress(SyncTotals totals) {}
}

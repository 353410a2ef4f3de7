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
   * committed. A state that a later one of the same stream (or a later global state) supersedes before the next
   * flush is not committed on its own: the later one includes it. An exception fails the sync ({@code PERSISTENCE}).
   */
  void commitState(AirbyteStateMessage state);

  /** A line for the attempt's log, from the engine or a connector; never a secret value. */
  void log(LogLevel level, String message);

  /** The running totals, now and then while the sync runs (for live job stats); an exception only stops these calls. */
  default void progress(SyncTotals totals) {}
}

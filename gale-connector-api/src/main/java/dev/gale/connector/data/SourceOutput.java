package dev.gale.connector.data;

import dev.gale.protocol.AirbyteStateMessage;

/**
 * Where a reading source puts what it reads. Given by the engine to {@link dev.gale.connector.Source#read}; used
 * from the thread that called {@code read} (or, for a parallel source, from any of its threads: every method is
 * thread-safe, and order is kept per calling thread).
 *
 * <h2>Ordering and state</h2>
 * A checkpoint covers every batch emitted before it. The engine commits a checkpoint's state only once the
 * destination has made all those records durable, so a source emits a checkpoint only after the records it covers:
 * a later sync resumes from the last committed state and must not skip anything. Emit checkpoints regularly (every
 * few thousand to a million records, or per slice): they bound what a retry reads again.
 *
 * <h2>Back-pressure and cancellation</h2>
 * {@link #emit} and {@link #checkpoint} block while the destination is behind, which keeps memory bounded whatever
 * the table size. They throw {@link InterruptedException} when the sync is cancelled; the source then stops at once
 * and lets the exception propagate.
 *
 * <h2>Estimates, stream statuses, configuration updates</h2>
 * The methods of {@link SyncEvents} are here too (a source reports them to the output it writes into); they never
 * block and never throw for a value the engine cannot use.
 */
public interface SourceOutput extends SyncEvents {
  /** Hands over a batch of one stream. Empty batches are ignored. */
  void emit(RecordBatch batch) throws InterruptedException;

  /**
   * Marks that everything emitted so far on this stream (or, for a GLOBAL or LEGACY state, on all streams) is
   * covered by {@code state}. The engine may commit only the latest of several states of a stream that become durable
   * together, so each state must stand on its own (include everything a resumed read needs, not a delta).
   */
  void checkpoint(AirbyteStateMessage state) throws InterruptedException;

  /** A line for the attempt's log. Never a secret value. */
  void log(LogLevel level, String message);

  enum LogLevel { DEBUG, INFO, WARN, ERROR }
}

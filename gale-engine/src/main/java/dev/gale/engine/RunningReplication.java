package dev.gale.engine;

import java.time.Duration;
import java.util.Optional;

/** A sync under way, as {@link ReplicationEngine#start} returns it. */
public interface RunningReplication {
  /** Asks the sync to stop; it ends {@code CANCELLED} within about two seconds, leaving previous data intact. */
  void cancel();

  /**
   * Asks the sync to stop at its next committed state, for a process that shuts down. The sync stops as soon as
   * committed states cover everything it wrote: at once when they already do (states waiting for a flush are flushed
   * and committed first); else the destination flushes at the source's next checkpoint after which no written stream
   * is left uncovered (whatever {@link EngineOptions#flushInterval} says), and its states are committed. The sync then
   * ends {@code STOPPED}, without {@code complete()}, and the next sync resumes from those states. When that has not
   * happened within {@code grace}, the sync is cancelled as by {@link #cancel()} and ends {@code CANCELLED}. A sync
   * that succeeds or fails meanwhile ends as it would have. Returns at once; calling it again, or after
   * {@code cancel()}, changes nothing.
   */
  void drain(Duration grace);

  /** Waits for the end of the sync. */
  ReplicationResult await() throws InterruptedException;

  /** Waits at most {@code timeout}; empty when the sync is still running. */
  Optional<ReplicationResult> await(Duration timeout) throws InterruptedException;
}

package dev.gale.engine;

import java.time.Duration;
import java.util.Optional;

/** A sync under way, as {@link ReplicationEngine#start} returns it. */
public interface RunningReplication {
  /** Asks the sync to stop; it ends {@code CANCELLED} within about two seconds, leaving previous data intact. */
  void cancel();

  /** Waits for the end of the sync. */
  ReplicationResult await() throws InterruptedException;

  /** Waits at most {@code timeout}; empty when the sync is still running. */
  Optional<ReplicationResult> await(Duration timeout) throws InterruptedException;
}

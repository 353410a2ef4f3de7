package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How a sync ended and what it moved.
 *
 * @param failure present unless the sync succeeded
 */
public record ReplicationResult(Status status, SyncTotals totals, Optional<Failure> failure) {
  public ReplicationResult {
    requireNonNull(status, "status is null");
    requireNonNull(totals, "totals is null");
    requireNonNull(failure, "failure is null");
    if ((status == Status.SUCCEEDED) != failure.isEmpty()) {
      throw new IllegalArgumentException("a failure is present exactly when the sync did not succeed");
    }
  }

  /**
   * How the sync ended. {@code STOPPED}: it was {@linkplain RunningReplication#drain drained} and stopped at a committed
   * state before the source's read ended; its failure says so (retryable).
   */
  public enum Status { SUCCEEDED, FAILED, CANCELLED, STOPPED }
}

package dev.gale.server.jobs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the API may ask of the jobs running in this process. */
public interface LocalJobs {
  /** Work was queued: idle workers of this process look for it now rather than at their next poll. */
  void wake();

  /**
   * Cancels the job if a worker of this process runs it.
   *
   * @return completes when the job's attempt has ended; empty when this process does not run the job
   */
  Optional<CompletableFuture<Void>> cancel(long jobId);

  /** For a process that runs no workers. */
  LocalJobs NONE = new LocalJobs() {
    @Override
    public void wake() {}

    @Override
    public Optional<CompletableFuture<Void>> cancel(long jobId) {
      return Optional.empty();
    }
  };
}

package dev.gale.server.jobs;

import dev.gale.engine.RunningReplication;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this process's workers run, so that a cancel served here reaches the engine at once instead of at the
 * next heartbeat. A cancel may come before the engine started (while the attempt is being planned): it is kept and
 * applied as soon as the replication is attached.
 */
final class RunningJobs {
  private final Map<Long, Entry> running = new ConcurrentHashMap<>();

  /** One running job. */
  static final class Entry {
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private boolean cancelRequested;
    private RunningReplication replication;

    synchronized void attach(RunningReplication started) {
      replication = started;
      if (cancelRequested) {
        started.cancel();
      }
    }

    synchronized boolean cancelRequested() {
      return cancelRequested;
    }

    synchronized void cancel() {
      cancelRequested = true;
      if (replication != null) {
        replication.cancel();
      }
    }
  }

  Entry begin(long jobId) {
    Entry entry = new Entry();
    running.put(jobId, entry);
    return entry;
  }

  void end(long jobId, Entry entry) {
    running.remove(jobId, entry);
    entry.ended.complete(null);
  }

  /** How many jobs run here now. */
  int count() {
    return running.size();
  }

  Optional<CompletableFuture<Void>> cancel(long jobId) {
    Entry entry = running.get(jobId);
    if (entry == null) {
      return Optional.empty();
    }
    entry.cancel();
    return Optional.of(entry.ended);
  }
}

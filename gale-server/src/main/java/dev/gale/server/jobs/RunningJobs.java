package dev.gale.server.jobs;

import dev.gale.engine.RunningReplication;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this process's workers run, so that a cancel served here reaches the engine at once instead of at the
 * next heartbeat, and so that a stopping process can drain them all. A cancel or a drain may come before the engine
 * started (while the attempt is being planned): it is kept and applied as soon as the replication is attached. Once
 * draining, jobs begun later are drained from the start.
 */
final class RunningJobs {
  private final Map<Long, Entry> running = new ConcurrentHashMap<>();
  /** {@link System#nanoTime} when the grace of a drain of every job ends; null until then. Guarded by this. */
  private Long drainDeadline;

  /** One running job. */
  static final class Entry {
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private boolean cancelRequested;
    private Long drainDeadline;
    private RunningReplication replication;

    synchronized void attach(RunningReplication started) {
      replication = started;
      if (cancelRequested) {
        started.cancel();
      } else if (drainDeadline != null) {
        started.drain(remaining(drainDeadline));
      }
    }

    synchronized boolean cancelRequested() {
      return cancelRequested;
    }

    /** Whether its process asked it to stop at its next committed state (it is shutting down). */
    synchronized boolean drainRequested() {
      return drainDeadline != null;
    }

    synchronized void drain(long deadline) {
      if (drainDeadline != null) {
        return;
      }
      drainDeadline = deadline;
      if (replication != null) {
        replication.drain(remaining(deadline));
      }
    }

    synchronized void cancel() {
      cancelRequested = true;
      if (replication != null) {
        replication.cancel();
      }
    }
  }

  synchronized Entry begin(long jobId) {
    Entry entry = new Entry();
    if (drainDeadline != null) {
      entry.drain(drainDeadline);
    }
    running.put(jobId, entry);
    return entry;
  }

  /**
   * Asks every job to stop at its next committed state within {@code grace} (see {@link RunningReplication#drain}),
   * and every job begun from now on within what is left of it.
   */
  synchronized void drainAll(Duration grace) {
    if (drainDeadline == null) {
      drainDeadline = System.nanoTime() + grace.toNanos();
    }
    running.values().forEach(entry -> entry.drain(drainDeadline));
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

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}

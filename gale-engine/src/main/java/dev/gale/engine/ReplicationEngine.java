package dev.gale.engine;

import static java.util.Objects.requireNonNull;

/**
 * Runs syncs: reads a source and writes a destination inside this JVM, with typed record batches in between.
 *
 * <h2>Threads</h2>
 * Each sync has two virtual threads. The <em>source thread</em> runs {@link dev.gale.connector.Source#read}; what the
 * source emits is mapped to destination streams there and put into a bounded queue (see {@link EngineOptions}), which
 * blocks the source while the destination is behind. The <em>sync thread</em> opens the destination, starts the
 * source thread, then takes from the queue, writes, flushes and commits states, and finally completes and closes the
 * writer. It is the only thread that calls the writer or commits state.
 *
 * <h2>State</h2>
 * A state is committed through {@link ReplicationListener#commitState} only after {@code flush()} has returned for
 * every record emitted before it, and in the order the source emitted the states. When the source fails, what it
 * emitted before is still written, flushed and its states committed, so a retry resumes as late as possible; the
 * writer is then closed without {@code complete()}.
 *
 * <h2>Failures and cancellation</h2>
 * The first failure decides the result, tagged with where it happened ({@link Failures}). {@code cancel()} closes
 * the queue and interrupts both threads; the writer is closed without {@code complete()}, and the result is
 * {@code CANCELLED} as soon as the source thread has stopped or {@link EngineOptions#cancelGrace} has passed.
 *
 * <h2>Draining</h2>
 * {@code drain(grace)} is the gentle stop of a process that shuts down: the sync stops as soon as committed states
 * cover everything written to the destination (flushing at the next checkpoint for that), closes the writer without
 * {@code complete()}, stops the source like a cancel, and ends {@code STOPPED} with a retryable failure; the next sync
 * resumes from those states without writing anything twice. When {@code grace} passes first, it is cancelled.
 *
 * <p>The engine keeps no state between syncs; one instance serves any number of syncs at the same time. It never
 * logs configurations: they hold secrets.
 */
public final class ReplicationEngine {
  private final EngineOptions options;

  public ReplicationEngine() {
    this(EngineOptions.defaults());
  }

  public ReplicationEngine(EngineOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /** Starts a sync and returns at once; the sync runs on its own threads. */
  public RunningReplication start(ReplicationRequest request, ReplicationListener listener) {
    ReplicationRun run = new ReplicationRun(requireNonNull(request, "request is null"),
        requireNonNull(listener, "listener is null"), options);
    run.start();
    return run;
  }
}

package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.PendingStates.Pending;
import dev.gale.engine.QueueItem.Checkpoint;
import dev.gale.engine.QueueItem.Drain;
import dev.gale.engine.QueueItem.End;
import dev.gale.engine.QueueItem.Records;
import dev.gale.engine.SyncStats.Counts;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The destination side of a sync: takes batches and checkpoints from the queue in order, writes the batches, and
 * commits checkpoints. Runs on one thread, the only one that calls the writer.
 *
 * <h2>The commit rule</h2>
 * A checkpoint waits in {@link PendingStates} until a {@code flush()} that began after it arrived has returned;
 * everything it covers was written before it arrived, so that flush made it durable. Only then is it given to
 * {@link ReplicationListener#commitState}, in emission order. Flushes happen at a checkpoint once
 * {@link EngineOptions#flushInterval} or {@link EngineOptions#flushBytes} is reached, and at the end of the read.
 * For a writer that {@link DestinationWriter#acknowledgesLater acknowledges later}, "returned" becomes
 * "acknowledged": the checkpoints a flush covers wait until the writer counts that flush as durable, which is looked
 * at between batches and once more after {@code complete()} ({@link #completed}).
 *
 * <h2>Draining</h2>
 * After a {@link Drain}, the loop stops as soon as committed states cover everything it wrote: at once when they
 * already do, else at the first checkpoint after which no written stream is left uncovered (it flushes there, whatever
 * the flush interval says). Stopping only then keeps an append destination free of rows the next sync writes again.
 * A source whose per-stream states never cover all its streams at once does not stop this way; the caller's grace
 * then runs out and cancels the sync.
 */
final class DestinationLoop {
  private final BatchQueue queue;
  private final DestinationWriter writer;
  private final ReplicationListener listener;
  private final SyncStats stats;
  private final EngineOptions options;
  private final PendingStates pending = new PendingStates();
  /** Checkpoints a flush covered, oldest first, until the writer acknowledges that flush. */
  private final ArrayDeque<Flushed> unacknowledged = new ArrayDeque<>();
  private long flushes;
  /** What was handed to the writer, per source-side stream, in source-side byte estimates. */
  private final Map<StreamDescriptor, Counts> written = new HashMap<>();
  /** Source-side streams with records written after their latest checkpoint (all of them for a global one). */
  private final Set<StreamDescriptor> uncovered = new HashSet<>();
  private boolean draining;
  private long bytesSinceFlush;
  private long lastFlush = System.nanoTime();
  private long lastProgress = System.nanoTime();
  private boolean progressFailed;

  DestinationLoop(BatchQueue queue, DestinationWriter writer, ReplicationListener listener, SyncStats stats,
                  EngineOptions options) {
    this.queue = requireNonNull(queue, "queue is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.stats = requireNonNull(stats, "stats is null");
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * Runs until the source's read has ended and its last checkpoints are committed, or until a drain stops it.
   *
   * @return true when the read ended; false when a drain stopped the sync at a committed state that covers
   *     everything written
   * @throws StageException when the destination ({@code DESTINATION}) or the listener's commit
   *     ({@code PERSISTENCE}) failed
   * @throws InterruptedException when the sync is cancelled
   */
  boolean run() throws StageException, InterruptedException {
    while (true) {
      switch (queue.take()) {
        case Records records -> {
          StageException.attribute(Origin.DESTINATION, () -> writer.write(records.batch()));
          written.merge(records.source(), new Counts(records.batch().size(), records.sourceBytes()),
              (before, more) -> before.plus(more.records(), more.bytes()));
          uncovered.add(records.source());
          bytesSinceFlush += records.batch().estimatedBytes();
        }
        case Checkpoint checkpoint -> {
          pending.add(checkpoint.state(), covered(checkpoint.state()));
          cover(checkpoint.state());
          if (flushDue() || draining && uncovered.isEmpty()) {
            flushAndCommit();
          }
        }
        case Drain drain -> {
          draining = true;
          if (uncovered.isEmpty() && !pending.isEmpty()) {
            flushAndCommit();
          }
        }
        case End end -> {
          flushAndCommit();
          return true;
        }
      }
      commitAcknowledged();
      if (draining && uncovered.isEmpty() && pending.isEmpty() && unacknowledged.isEmpty()) {
        return false;
      }
      reportProgress();
    }
  }

  /** Everything handed to the writer, per source-side stream; after a successful sync, all of it is committed. */
  Map<StreamDescriptor, Counts> written() {
    return Map.copyOf(written);
  }

  private boolean flushDue() {
    return bytesSinceFlush >= options.flushBytes()
        || System.nanoTime() - lastFlush >= options.flushInterval().toNanos();
  }

  /**
   * After the writer's {@code complete()}: commits what the destination acknowledged last. A destination that ended
   * well without acknowledging some states leaves them uncommitted (the protocol commits only echoed states), and the
   * next sync reads their records again; the log says so.
   */
  void completed() throws StageException, InterruptedException {
    commitAcknowledged();
    int left = unacknowledged.stream().mapToInt(flushed -> flushed.checkpoints().size()).sum();
    if (left > 0) {
      listener.log(LogLevel.WARN, "the destination ended without acknowledging " + left + " state(s); they are not "
          + "committed, and the next sync reads their records again");
    }
  }

  private void flushAndCommit() throws StageException, InterruptedException {
    StageException.attribute(Origin.DESTINATION, writer::flush);
    flushes++;
    bytesSinceFlush = 0;
    lastFlush = System.nanoTime();
    List<Pending> covered = pending.drain();
    if (!covered.isEmpty()) {
      unacknowledged.add(new Flushed(flushes, covered));
    }
    commitAcknowledged();
  }

  private void commitAcknowledged() throws StageException, InterruptedException {
    if (unacknowledged.isEmpty()) {
      return;
    }
    long durable = writer.acknowledgesLater() ? writer.acknowledgedFlushes() : flushes;
    while (!unacknowledged.isEmpty() && unacknowledged.peek().flush() <= durable) {
      for (Pending checkpoint : unacknowledged.poll().checkpoints()) {
        StageException.attribute(Origin.PERSISTENCE, () -> listener.commitState(checkpoint.state()));
        checkpoint.covered().forEach(stats::committed);
      }
    }
  }

  /** The checkpoints that the {@code flush}-th flush covered. */
  private record Flushed(long flush, List<Pending> checkpoints) {}

  private void cover(AirbyteStateMessage state) {
    if (state.type() == AirbyteStateType.STREAM) {
      uncovered.remove(state.stream().streamDescriptor());
    } else {
      uncovered.clear();
    }
  }

  // A stream state covers its stream; global and legacy states cover every stream.
  private Map<StreamDescriptor, Counts> covered(AirbyteStateMessage state) {
    if (state.type() == AirbyteStateType.STREAM) {
      StreamDescriptor stream = state.stream().streamDescriptor();
      return Map.of(stream, written.getOrDefault(stream, Counts.ZERO));
    }
    return written;
  }

  private void reportProgress() {
    long now = System.nanoTime();
    if (progressFailed || now - lastProgress < options.progressInterval().toNanos()) {
      return;
    }
    lastProgress = now;
    try {
      listener.progress(stats.snapshot());
    } catch (RuntimeException e) {
      // Live numbers are a convenience; losing them must not fail the sync that moves the data.
      progressFailed = true;
      listener.log(LogLevel.WARN, "progress reporting failed and is skipped from now on: " + e);
    }
  }
}

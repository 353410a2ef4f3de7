package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the engine trades memory, destination load and reaction time.
 *
 * @param queueBatches at most this many batches and checkpoints wait between source and destination
 * @param queueBytes at most this many estimated bytes of records wait there (a single larger batch still passes
 *     when the queue is empty); with {@code queueBatches} this bounds a sync's memory whatever the table size
 * @param flushInterval at a checkpoint, flush (and then commit) when this long has passed since the last flush;
 *     zero flushes at every checkpoint
 * @param flushBytes at a checkpoint, flush when this many estimated bytes were written since the last flush
 * @param progressInterval how often at most the listener hears the running totals
 * @param cancelGrace how long a cancelled or failed sync waits for the source's thread to end before giving up on it
 */
public record EngineOptions(int queueBatches, long queueBytes, Duration flushInterval, long flushBytes,
                            Duration progressInterval, Duration cancelGrace) {
  public EngineOptions {
    if (queueBatches < 1 || queueBytes < 1 || flushBytes < 1) {
      throw new IllegalArgumentException("queue and flush bounds must be positive");
    }
    requireNonNull(flushInterval, "flushInterval is null");
    requireNonNull(progressInterval, "progressInterval is null");
    requireNonNull(cancelGrace, "cancelGrace is null");
  }

  /**
   * 8 batches or 4 MiB in the queue; a flush at the first checkpoint after 30 s or 256 MiB, so that destinations
   * which stage and load in bulk do so in large pieces; progress every second.
   *
   * <p>The queue is short on purpose. When the destination is the slower side the queue stays full, and whatever it
   * holds outlives young garbage collections, which copy it each time and then promote it. Measured on 1M rows of 16
   * columns PostgreSQL to PostgreSQL (Serial GC): 32 MiB (about 60 MB of row objects) cost 2.0 s of GC in 5.3 s of
   * process CPU; 4 MiB, 0.3 s in 3.8 s (see {@code bench/README.md}). Two or three batches of a few thousand rows
   * keep both sides busy.
   */
  public static EngineOptions defaults() {
    return new EngineOptions(8, 4L << 20, Duration.ofSeconds(30), 256L << 20, Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  public EngineOptions withQueue(int batches, long bytes) {
    return new EngineOptions(batches, bytes, flushInterval, flushBytes, progressInterval, cancelGrace);
  }

  public EngineOptions withFlushInterval(Duration interval) {
    return new EngineOptions(queueBatches, queueBytes, interval, flushBytes, progressInterval, cancelGrace);
  }

  public EngineOptions withProgressInterval(Duration interval) {
    return new EngineOptions(queueBatches, queueBytes, flushInterval, flushBytes, interval, cancelGrace);
  }
}

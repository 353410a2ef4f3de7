package dev.gale.connectors.sample;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads one stream: batches of up to {@value #BATCH_ROWS} records in id order, a checkpoint after every
 * {@code records_per_slice} records and after the last one.
 *
 * <p>With a parallelism above one, that many batches are generated at the same time on virtual threads while the
 * calling thread emits them in id order; records depend only on the seed and their id, so the output is the same as
 * with one thread. Only the calling thread touches the {@link SourceOutput}.
 */
final class SampleStreamReader {
  static final int BATCH_ROWS = 1000;

  private final RecordSchema schema;
  private final RowGenerator generator;
  private final CursorPlan plan;
  private final long recordsPerSlice;
  private final int parallelism;
  private final long seed;

  SampleStreamReader(RecordSchema schema, RowGenerator generator, CursorPlan plan, long recordsPerSlice,
                     int parallelism, long seed) {
    this.schema = requireNonNull(schema, "schema is null");
    this.generator = requireNonNull(generator, "generator is null");
    this.plan = requireNonNull(plan, "plan is null");
    this.recordsPerSlice = recordsPerSlice;
    this.parallelism = parallelism;
    this.seed = seed;
  }

  private record Chunk(RecordBatch batch, long lastId) {}

  void read(SourceOutput output) throws InterruptedException {
    long last = generator.size();
    long next = plan.firstId();
    Deque<Future<Chunk>> window = new ArrayDeque<>();
    ExecutorService executor = parallelism > 1 ? Executors.newVirtualThreadPerTaskExecutor() : null;
    try {
      while (next <= last || !window.isEmpty()) {
        while (next <= last && window.size() < parallelism) {
          long from = next;
          long to = batchEnd(from, last);
          window.add(executor == null ? CompletableFuture.completedFuture(chunk(from, to))
              : executor.submit(() -> chunk(from, to)));
          next = to + 1;
        }
        Chunk chunk = await(window.removeFirst());
        // Generation never blocks, so this is where a cancelled read notices, even with an output that does not.
        if (Thread.interrupted()) {
          throw new InterruptedException("read of " + schema.stream() + " interrupted");
        }
        output.emit(chunk.batch());
        if (chunk.lastId() == last || (chunk.lastId() - plan.firstId() + 1) % recordsPerSlice == 0) {
          output.checkpoint(checkpoint(chunk.lastId()));
        }
      }
    } finally {
      window.forEach(pending -> pending.cancel(true));
      if (executor != null) {
        executor.shutdownNow();
        executor.close();
      }
    }
  }

  // A batch never spans two slices, so every checkpoint falls between batches.
  private long batchEnd(long from, long last) {
    long sliceEnd = plan.firstId() + ((from - plan.firstId()) / recordsPerSlice + 1) * recordsPerSlice - 1;
    return Math.min(last, Math.min(sliceEnd, from + BATCH_ROWS - 1));
  }

  private Chunk chunk(long from, long to) {
    RecordBatch.Builder builder = RecordBatch.builder(schema, (int) (to - from + 1));
    for (long id = from; id <= to; id++) {
      builder.add(generator.row(id, plan.updatedAt(id)));
    }
    return new Chunk(builder.build(Instant.now()), to);
  }

  private AirbyteStateMessage checkpoint(long lastId) {
    return SampleState.message(schema.stream(), seed, plan.updatedAt(lastId));
  }

  private static Chunk await(Future<Chunk> chunk) throws InterruptedException {
    try {
      return chunk.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("generating sample records failed", e.getCause());
    }
  }
}

package dev.gale.connectors.s3;

import dev.gale.connector.data.RecordBatch;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One stream written on several threads. Encoding (Parquet above all) is most of a sync's work, and one thread left
 * the other cores idle: batches go round the lanes, each lane writing objects of its own on its own thread. A lane
 * takes a new batch only once its previous one is written, so at most one batch per lane is held beyond the caller's.
 * {@link #finishObjects} returns once every lane has finished its objects. Records of a stream spread over the lanes'
 * objects, in no particular order between them, as across the objects of any split stream.
 */
final class StreamLanes {
  private final StreamDescriptor stream;
  private final boolean overwrite;
  private final List<Lane> lanes = new ArrayList<>();
  private int next;

  /** @param lane the objects of lane {@code i}, for {@code i} from 0 below {@code count} */
  StreamLanes(StreamDescriptor stream, boolean overwrite, int count, IntFunction<StreamObjects> lane) {
    this.stream = stream;
    this.overwrite = overwrite;
    for (int i = 0; i < count; i++) {
      lanes.add(new Lane(lane.apply(i), i));
    }
  }

  StreamDescriptor stream() {
    return stream;
  }

  boolean overwrite() {
    return overwrite;
  }

  /** Hands {@code batch} to the next lane, first waiting for that lane's previous batch (and failing with it). */
  void write(RecordBatch batch) throws IOException {
    Lane lane = lanes.get(next);
    next = (next + 1) % lanes.size();
    lane.run(() -> {
      lane.objects.write(batch, lane.rawIds);
      return null;
    });
  }

  /**
   * Finishes every lane's open object, in parallel; afterwards everything written is in complete objects. Waits for
   * every lane even when one fails, then fails with the first failure.
   */
  void finishObjects() throws IOException {
    for (Lane lane : lanes) {
      lane.run(() -> {
        lane.objects.finishOpen();
        return null;
      });
    }
    IOException failure = null;
    for (Lane lane : lanes) {
      try {
        lane.await();
      } catch (IOException | RuntimeException e) {
        if (failure == null) {
          failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** See {@link StreamObjects#acknowledge}; call after every stream's {@link #finishObjects} succeeded. */
  void acknowledge() {
    lanes.forEach(lane -> lane.objects.acknowledge());
  }

  /** Every object the lanes completed; call after {@link #finishObjects}. */
  List<String> written() {
    List<String> all = new ArrayList<>();
    lanes.forEach(lane -> all.addAll(lane.objects.written()));
    return all;
  }

  /** Stops the lanes and answers the objects a failed sync takes back (see {@link StreamObjects#abandon}). */
  List<String> abandon() {
    List<String> abandoned = new ArrayList<>();
    for (Lane lane : lanes) {
      lane.stop();
      abandoned.addAll(lane.objects.abandon());
    }
    return abandoned;
  }

  /** A thread and the objects only it touches (and, once it has stopped, the caller). */
  private static final class Lane {
    private final StreamObjects objects;
    private final RawIds rawIds = new RawIds();
    private final ExecutorService thread;
    private Future<?> pending = CompletableFuture.completedFuture(null);

    Lane(StreamObjects objects, int index) {
      this.objects = objects;
      this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("s3-lane-" + index)
          .factory());
    }

    void run(Callable<Void> work) throws IOException {
      await();
      pending = thread.submit(work);
    }

    void await() throws IOException {
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing to S3");
      } catch (ExecutionException e) {
        pending = CompletableFuture.completedFuture(null);
        switch (e.getCause()) {
          case IOException io -> throw io;
          case RuntimeException runtime -> throw runtime;
          case Error error -> throw error;
          case Throwable other -> throw new IOException(other);
        }
      }
    }

    // The lane's objects are the caller's again only once its thread has ended. Its batch is left to finish rather
    // than interrupted: an upload interrupted half-way may be started in the store and unknown here, so that
    // abandoning could not take it back.
    void stop() {
      thread.shutdown();
      try {
        if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
          throw new IllegalStateException("an S3 writer thread did not stop within a minute");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.QueueItem.Drain;
import dev.gale.engine.QueueItem.End;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync under way: its sync thread (destination side, and the whole life cycle) and its source thread; see
 * {@link ReplicationEngine} for how they work together. The first failure recorded decides the result.
 */
final class ReplicationRun implements RunningReplication {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicationRun.class);

  private final ReplicationRequest request;
  private final ReplicationListener listener;
  private final EngineOptions options;
  private final BatchQueue queue;
  private final SyncStats stats;
  private final CompletableFuture<ReplicationResult> result = new CompletableFuture<>();
  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private final AtomicBoolean drainRequested = new AtomicBoolean();
  private volatile boolean cancelled;
  /** A drain stopped the sync at a committed state; what breaks in the source afterwards is its doing. */
  private volatile boolean stopped;
  private volatile Thread syncThread;
  private volatile Thread sourceThread;

  ReplicationRun(ReplicationRequest request, ReplicationListener listener, EngineOptions options) {
    this.request = requireNonNull(request, "request is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.options = requireNonNull(options, "options is null");
    this.queue = new BatchQueue(options.queueBatches(), options.queueBytes());
    this.stats = new SyncStats(request.catalog());
  }

  void start() {
    syncThread = Thread.ofVirtual().name("gale-sync-" + request.syncId()).start(this::run);
  }

  @Override
  public void cancel() {
    if (result.isDone()) {
      return;
    }
    cancelled = true;
    queue.close();
    interrupt(sourceThread);
    interrupt(syncThread);
  }

  @Override
  public void drain(Duration grace) {
    requireNonNull(grace, "grace is null");
    if (result.isDone() || cancelled || !drainRequested.compareAndSet(false, true)) {
      return;
    }
    if (!queue.putFirst(new Drain())) {
      return;
    }
    log(LogLevel.INFO, "Asked to stop at the next committed state within " + grace.toMillis() + " ms");
    Thread.ofVirtual().name("gale-sync-" + request.syncId() + "-drain").start(() -> {
      try {
        if (await(grace).isEmpty()) {
          log(LogLevel.WARN, "the sync reached no committed state covering what it wrote within " + grace.toMillis()
              + " ms of the request to stop; cancelling it");
          cancel();
        }
      } catch (InterruptedException e) {
        // Nobody interrupts this thread; if someone did, the sync goes on and its caller can still cancel it.
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public ReplicationResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the sync thread ended without a result", e.getCause());
    }
  }

  @Override
  public Optional<ReplicationResult> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the sync thread ended without a result", e.getCause());
    }
  }

  /** The queue between the two sides, for tests that check its bound. */
  BatchQueue queue() {
    return queue;
  }

  private void run() {
    DestinationWriter writer = null;
    boolean completed = false;
    try {
      log(LogLevel.INFO, "Sync " + request.syncId() + ": " + request.catalog().streams().size()
          + " streams from " + request.source().descriptor().name() + " to "
          + request.destination().descriptor().name());
      StreamMapper mapper = new StreamMapper(request.catalog(), request.mapping());
      writer = open(mapper);
      if (cancelled) {
        throw new InterruptedException("cancelled while the destination opened");
      }
      QueueingOutput output = new QueueingOutput(queue, mapper, stats, listener, this::fail);
      sourceThread = Thread.ofVirtual().name("gale-sync-" + request.syncId() + "-source")
          .start(() -> readSource(output));
      if (cancelled) {
        sourceThread.interrupt();
      }
      DestinationLoop loop = new DestinationLoop(queue, writer, listener, stats, options);
      boolean readEnded = loop.run();
      if (!readEnded) {
        // Drained: the committed states cover everything written. The source is stopped below, like a cancel's.
        stopped = failure.get() == null && !cancelled;
      } else if (failure.get() == null && !cancelled) {
        StageException.attribute(Origin.DESTINATION, writer::complete);
        loop.completed();
        // Complete has applied everything written; all of it now counts as committed.
        loop.written().forEach(stats::committed);
        completed = true;
      }
    } catch (StageException e) {
      fail(e.origin(), e.getCause());
    } catch (InterruptedException e) {
      if (!cancelled) {
        fail(Origin.REPLICATION, e);
      }
    } catch (Throwable e) {
      fail(Origin.REPLICATION, e);
    } finally {
      try {
        queue.close();
        interrupt(sourceThread);
        // Closing must be able to wait for its own I/O, whatever interrupted this thread before.
        Thread.interrupted();
        close(writer, completed);
        awaitSource();
      } finally {
        result.complete(result(completed));
      }
    }
  }

  private DestinationWriter open(StreamMapper mapper) throws StageException, InterruptedException {
    WriteContext context = new WriteContext(request.syncId(),
        (level, line) -> listener.log(level, "destination: " + line),
        new SideEvents(ReplicationListener.Side.DESTINATION, stats, listener));
    DestinationWriter[] writer = new DestinationWriter[1];
    StageException.attribute(Origin.DESTINATION, () -> writer[0] = requireNonNull(request.destination()
        .open(request.destinationConfig(), mapper.destinationCatalog(), context), "the destination opened no writer"));
    return writer[0];
  }

  private void readSource(QueueingOutput output) {
    try {
      request.source().read(request.sourceConfig(), request.catalog(), request.state(), output);
    } catch (InterruptedException e) {
      if (!cancelled && !stopped) {
        fail(Origin.SOURCE, e);
      }
    } catch (Throwable e) {
      fail(Origin.SOURCE, e);
    } finally {
      output.finish();
    }
    // After a failure too: the destination side still writes, flushes and commits what came before it.
    Thread.interrupted();
    try {
      queue.put(new End());
    } catch (InterruptedException e) {
      // The queue is closed: the sync thread has stopped already and knows why.
    }
  }

  private void fail(Origin origin, Throwable error) {
    Failure first = Failures.of(origin, error);
    if (failure.compareAndSet(null, first)) {
      if (cancelled || stopped) {
        // A cancel (or a drain's stop) interrupts I/O mid-way (a COPY is aborted): what breaks then is its doing, not a failure to report.
        LOG.debug("Sync {} stopped in {} while cancelled", request.syncId(), origin, error);
      } else {
        LOG.warn("Sync {} failed in {}", request.syncId(), origin, error);
      }
    } else {
      LOG.debug("Sync {}: a later failure in {}", request.syncId(), origin, error);
    }
  }

  private void close(DestinationWriter writer, boolean completed) {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (Exception e) {
      if (completed) {
        // The data is in place and its states committed; a failing release does not undo that.
        log(LogLevel.WARN, "the destination failed to release its resources after completing: " + e);
      } else {
        fail(Origin.DESTINATION, e);
      }
    }
  }

  private void awaitSource() {
    Thread source = sourceThread;
    try {
      if (source != null && !source.join(options.cancelGrace())) {
        log(LogLevel.WARN, "the source did not stop within " + options.cancelGrace().toMillis()
            + " ms; its thread is left to end by itself");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ReplicationResult result(boolean completed) {
    SyncTotals totals = stats.snapshot();
    ReplicationResult ended;
    if (completed) {
      ended = new ReplicationResult(ReplicationResult.Status.SUCCEEDED, totals, Optional.empty());
    } else if (stopped) {
      ended = new ReplicationResult(ReplicationResult.Status.STOPPED, totals, Optional.of(Failures.stopped()));
    } else if (cancelled) {
      ended = new ReplicationResult(ReplicationResult.Status.CANCELLED, totals, Optional.of(Failures.cancelled()));
    } else {
      Failure reason = failure.get() != null ? failure.get()
          : Failures.of(Origin.REPLICATION, new IllegalStateException("the sync ended without completing"));
      ended = new ReplicationResult(ReplicationResult.Status.FAILED, totals, Optional.of(reason));
    }
    StreamTotals total = totals.total();
    log(ended.status() == ReplicationResult.Status.SUCCEEDED ? LogLevel.INFO : LogLevel.WARN,
        "Sync " + request.syncId() + " " + ended.status().name().toLowerCase(Locale.ROOT) + ": " + total.recordsEmitted()
        + " records emitted, " + total.recordsCommitted() + " committed"
        + ended.failure().map(reason -> "; " + reason.origin() + " " + reason.type() + ": "
            + reason.externalMessage()).orElse(""));
    return ended;
  }

  // The attempt's log is the listener's; a failing one must not keep the sync from ending.
  private void log(LogLevel level, String message) {
    try {
      listener.log(level, message);
    } catch (RuntimeException e) {
      LOG.warn("Sync {}: the listener could not log a line", request.syncId(), e);
    }
  }

  private static void interrupt(Thread thread) {
    if (thread != null) {
      thread.interrupt();
    }
  }
}

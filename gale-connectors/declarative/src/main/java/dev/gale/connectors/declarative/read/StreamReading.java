package dev.gale.connectors.declarative.read;

import dev.gale.connectors.declarative.incremental.PerPartitionCursor;
import dev.gale.connectors.declarative.incremental.StreamCursor;
import dev.gale.connectors.declarative.partition.PartitionReads;
import dev.gale.connectors.declarative.partition.PartitionRouter;
import dev.gale.connectors.declarative.partition.SubstreamPartitionRouter;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream slice after slice: every partition of its router (or the one partition without), cut into the
 * cursor's intervals, each read page by page; after each slice the cursor's state. Reads parent streams for
 * substream routers the same way.
 */
public final class StreamReading implements PartitionReads {
  private final Run run;

  public StreamReading(Run run) {
    this.run = run;
  }

  /**
   * Reads {@code stream} from {@code state} (empty for a first or full read).
   *
   * @return the stream's state after the read (null without a cursor)
   */
  public Map<String, Object> read(DeclarativeStream stream, Map<String, Object> state, ReadListener listener)
      throws InterruptedException {
    StreamCursor cursor = stream.openCursor(run, state == null ? Map.of() : state);
    PartitionRouter router = stream.retriever().router();
    try {
      if (router == null) {
        readPartition(stream, cursor, StreamSlice.EMPTY, state, listener);
      } else if (router instanceof SubstreamPartitionRouter substream && substream.hasIncrementalDependency()
          && cursor instanceof PerPartitionCursor perPartition) {
        Map<String, Object> parents = substream.partitions(run, this, perPartition.parentState() == null ? Map.of()
            : perPartition.parentState(), partition -> readPartition(stream, cursor, partition, state, listener));
        perPartition.finish(parents);
      } else {
        router.partitions(run, this, partition -> readPartition(stream, cursor, partition, state, listener));
      }
      if (cursor instanceof PerPartitionCursor perPartition) {
        perPartition.finish(null);
      }
    } catch (Stop stop) {
      // A listener has seen enough (a test read's limits); a child's stop passes through its parents' reads.
      if (stop.owner != this) {
        throw stop;
      }
    }
    return cursor.state();
  }

  private void readPartition(DeclarativeStream stream, StreamCursor cursor, StreamSlice partition,
                             Map<String, Object> state, ReadListener listener) throws InterruptedException {
    for (Map<String, Object> interval : cursor.intervals(partition.partition())) {
      StreamSlice slice = partition.withCursorSlice(interval);
      stream.retriever().readSlice(run, slice, cursor, stream.cursorBounds(), state, listener.readsAhead(),
          (response, records) -> listener.page(slice, response, records));
      cursor.close(slice);
      if (!listener.sliceDone(slice, cursor.state())) {
        throw new Stop(this);
      }
    }
  }

  @Override
  public Map<String, Object> readParent(Run run, ParentStream parent, Map<String, Object> state, RecordSink sink)
      throws InterruptedException {
    DeclarativeStream stream = (DeclarativeStream) parent;
    return new StreamReading(run).read(stream, state, new ReadListener() {
      @Override
      public boolean page(StreamSlice slice, HttpResult response, List<Map<String, Object>> records)
          throws InterruptedException {
        for (Map<String, Object> record : records) {
          sink.accept(record, slice.partition());
        }
        return true;
      }

      @Override
      public boolean sliceDone(StreamSlice slice, Map<String, Object> sliceState) {
        return true;
      }
    });
  }

  /** Ends a read early; carries nothing, so it need not fill in a stack trace. */
  private static final class Stop extends RuntimeException {
    private final transient StreamReading owner;

    Stop(StreamReading owner) {
      super(null, null, false, false);
      this.owner = owner;
    }
  }
}

package dev.gale.engine;

import dev.gale.connector.data.RecordBatch;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;

/** What travels from the source side to the destination side, in the order the source handed it over. */
sealed interface QueueItem {
  /** The estimated bytes this item holds in memory, for the queue's bound. */
  long bytes();

  /**
   * A batch already mapped to its destination stream.
   *
   * @param source the source-side stream, which stats and states are kept by
   * @param sourceBytes the source's estimate of the batch before field selection, which Airbyte's stats report
   */
  record Records(StreamDescriptor source, RecordBatch batch, long sourceBytes) implements QueueItem {
    @Override
    public long bytes() {
      return batch.estimatedBytes();
    }
  }

  /** A state covering everything before it (for its stream, or for all streams when global or legacy). */
  record Checkpoint(AirbyteStateMessage state) implements QueueItem {
    @Override
    public long bytes() {
      return 0;
    }
  }

  /** The source's read has ended, normally or not; nothing follows. */
  record End() implements QueueItem {
    @Override
    public long bytes() {
      return 0;
    }
  }

  /**
   * The sync is asked to stop at its next committed state ({@link RunningReplication#drain}). It jumps the queue, so
   * that the destination side hears it before the batches already waiting: when the states it holds cover everything
   * written, it stops at once and those batches are read again by the next sync.
   */
  record Drain() implements QueueItem {
    @Override
    public long bytes() {
      return 0;
    }
  }
}

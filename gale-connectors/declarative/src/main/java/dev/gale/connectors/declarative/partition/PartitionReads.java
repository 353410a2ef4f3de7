package dev.gale.connectors.declarative.partition;

import dev.gale.connectors.declarative.runtime.Run;
import java.util.Map;

/**
 * How a partition router reads parent streams, given by the stream reader so that routers need not know it: reads a
 * parent's records, incrementally from a state when asked, and says the parent's state afterwards.
 */
public interface PartitionReads {

  /**
   * Reads {@code parent} whole, handing each record with the partition of the parent's slice to {@code sink}.
   *
   * @param state the parent's state to read incrementally from, or null for a full read
   * @return the parent's state after the read (null when it has no cursor)
   */
  Map<String, Object> readParent(Run run, ParentStream parent, Map<String, Object> state, RecordSink sink)
      throws InterruptedException;

  /** A parent stream, as the partition router knows it: opaque to it. */
  interface ParentStream {
    String name();
  }

  @FunctionalInterface
  interface RecordSink {
    void accept(Map<String, Object> record, Map<String, Object> parentPartition) throws InterruptedException;
  }
}

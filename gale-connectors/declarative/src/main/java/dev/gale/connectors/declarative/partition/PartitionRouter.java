package dev.gale.connectors.declarative.partition;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;

/**
 * Splits a stream into partitions (listed values, parent records) read one after another. Partitions are handed over
 * as they are found, so a parent stream is read page by page rather than whole.
 */
public interface PartitionRouter {

  /** Hands every partition to {@code sink}, as slices without a cursor interval. */
  void partitions(Run run, PartitionReads reads, Sink sink) throws InterruptedException;

  /** The request options for a slice: its partition value where the manifest injects it. */
  RequestParts parts(Run run, StreamSlice slice);

  @FunctionalInterface
  interface Sink {
    void accept(StreamSlice partition) throws InterruptedException;
  }
}

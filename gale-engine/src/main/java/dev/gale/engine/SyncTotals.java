package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.StreamDescriptor;
import java.util.Map;

/** The counts of a sync: per source-side stream, and their sum. */
public record SyncTotals(Map<StreamDescriptor, StreamTotals> streams) {
  public SyncTotals {
    streams = Map.copyOf(requireNonNull(streams, "streams is null"));
  }

  public StreamTotals total() {
    return streams.values().stream().reduce(StreamTotals.ZERO, StreamTotals::plus);
  }
}

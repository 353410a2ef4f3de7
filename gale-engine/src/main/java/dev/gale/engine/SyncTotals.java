package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.SyncEvents.Estimate;
import dev.gale.protocol.StreamDescriptor;
import java.util.Map;
import java.util.Optional;

/**
 * The counts of a sync: per source-side stream, and their sum.
 *
 * @param syncEstimate the source's estimate for the whole sync, when it gave one rather than (or besides) estimates per
 *     stream
 */
public record SyncTotals(Map<StreamDescriptor, StreamTotals> streams, Optional<Estimate> syncEstimate) {
  public SyncTotals {
    streams = Map.copyOf(requireNonNull(streams, "streams is null"));
    requireNonNull(syncEstimate, "syncEstimate is null");
  }

  public SyncTotals(Map<StreamDescriptor, StreamTotals> streams) {
    this(streams, Optional.empty());
  }

  /** The sum of the streams; its estimate is the whole-sync estimate where the source gave one, else the streams' sum. */
  public StreamTotals total() {
    StreamTotals sum = streams.values().stream().reduce(StreamTotals.ZERO, StreamTotals::plus);
    return syncEstimate.map(estimate -> sum.withEstimate(estimate.records(), estimate.bytes())).orElse(sum);
  }
}

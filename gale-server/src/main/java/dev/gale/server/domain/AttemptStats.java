package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an attempt moved: the total, and the same counters per stream. */
public record AttemptStats(SyncStats total, List<StreamStats> streams) {
  public AttemptStats {
    requireNonNull(total, "total is null");
    streams = List.copyOf(requireNonNull(streams, "streams is null"));
    Set<StreamDescriptor> seen = new HashSet<>();
    for (StreamStats stream : streams) {
      if (!seen.add(stream.stream())) {
        throw new IllegalArgumentException("stream " + stream.stream() + " appears twice");
      }
    }
  }
}

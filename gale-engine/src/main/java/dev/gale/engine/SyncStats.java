package dev.gale.engine;

import dev.gale.connector.data.SyncEvents.Estimate;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStreamState;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running counts of a sync per source-side stream, with the source's estimates. Emitted counts grow on the
 * source's threads, committed ones on the destination side's; {@link #snapshot} may be taken from any thread and is
 * consistent per count, not across counts (good enough for progress, exact once the sync has ended).
 */
final class SyncStats {
  private static final class Counter {
    final AtomicLong recordsEmitted = new AtomicLong();
    final AtomicLong bytesEmitted = new AtomicLong();
    final AtomicLong recordsCommitted = new AtomicLong();
    final AtomicLong bytesCommitted = new AtomicLong();
    final AtomicLong stateMessages = new AtomicLong();
    // Replaced as a whole: a later estimate of a stream replaces the earlier one.
    final AtomicReference<Estimate> estimate = new AtomicReference<>();
  }

  private final Map<StreamDescriptor, Counter> streams = new LinkedHashMap<>();
  private final AtomicReference<Estimate> syncEstimate = new AtomicReference<>();

  SyncStats(ConfiguredAirbyteCatalog catalog) {
    for (ConfiguredAirbyteStream stream : catalog.streams()) {
      streams.put(stream.descriptor(), new Counter());
    }
  }

  void emitted(StreamDescriptor stream, long records, long bytes) {
    Counter counter = streams.get(stream);
    counter.recordsEmitted.addAndGet(records);
    counter.bytesEmitted.addAndGet(bytes);
  }

  /**
   * Counts a state for each stream it has a part for: its stream, the streams of a global state, every stream for a
   * legacy one.
   */
  void stateEmitted(AirbyteStateMessage state) {
    switch (state.type()) {
      case STREAM -> counted(state.stream().streamDescriptor());
      case GLOBAL -> state.global().streamStates().stream().map(AirbyteStreamState::streamDescriptor)
          .forEach(this::counted);
      case LEGACY -> streams.values().forEach(counter -> counter.stateMessages.incrementAndGet());
    }
  }

  /**
   * Keeps a source's estimate: of its stream, or of the whole sync when it names none.
   *
   * @return false when it names a stream the sync does not read (it is then dropped)
   */
  boolean estimated(Estimate estimate) {
    if (estimate.stream() == null) {
      syncEstimate.set(estimate);
      return true;
    }
    Counter counter = streams.get(estimate.stream());
    if (counter == null) {
      return false;
    }
    counter.estimate.set(estimate);
    return true;
  }

  /** Records {@code covered} as committed for its stream; counts only grow. */
  void committed(StreamDescriptor stream, Counts covered) {
    Counter counter = streams.get(stream);
    counter.recordsCommitted.accumulateAndGet(covered.records(), Math::max);
    counter.bytesCommitted.accumulateAndGet(covered.bytes(), Math::max);
  }

  SyncTotals snapshot() {
    Map<StreamDescriptor, StreamTotals> totals = new LinkedHashMap<>();
    streams.forEach((stream, counter) -> {
      Estimate estimate = counter.estimate.get();
      totals.put(stream, new StreamTotals(counter.recordsEmitted.get(), counter.bytesEmitted.get(),
          counter.recordsCommitted.get(), counter.bytesCommitted.get(), counter.stateMessages.get(),
          estimate == null ? 0 : estimate.records(), estimate == null ? 0 : estimate.bytes()));
    });
    return new SyncTotals(totals, Optional.ofNullable(syncEstimate.get()));
  }

  private void counted(StreamDescriptor stream) {
    Counter counter = streams.get(stream);
    if (counter != null) {
      counter.stateMessages.incrementAndGet();
    }
  }

  /** Records and their estimated bytes. */
  record Counts(long records, long bytes) {
    static final Counts ZERO = new Counts(0, 0);

    Counts plus(long moreRecords, long moreBytes) {
      return new Counts(records + moreRecords, bytes + moreBytes);
    }
  }
}

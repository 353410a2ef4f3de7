package dev.gale.engine;

import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStreamState;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running counts of a sync per source-side stream. Emitted counts grow on the source's threads, committed ones on
 * the destination side's; {@link #snapshot} may be taken from any thread and is consistent per count, not across
 * counts (good enough for progress, exact once the sync has ended).
 */
final class SyncStats {
  private static final class Counter {
    final AtomicLong recordsEmitted = new AtomicLong();
    final AtomicLong bytesEmitted = new AtomicLong();
    final AtomicLong recordsCommitted = new AtomicLong();
    final AtomicLong bytesCommitted = new AtomicLong();
    final AtomicLong stateMessages = new AtomicLong();
  }

  private final Map<StreamDescriptor, Counter> streams = new LinkedHashMap<>();

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

  /** Records {@code covered} as committed for its stream; counts only grow. */
  void committed(StreamDescriptor stream, Counts covered) {
    Counter counter = streams.get(stream);
    counter.recordsCommitted.accumulateAndGet(covered.records(), Math::max);
    counter.bytesCommitted.accumulateAndGet(covered.bytes(), Math::max);
  }

  SyncTotals snapshot() {
    Map<StreamDescriptor, StreamTotals> totals = new LinkedHashMap<>();
    streams.forEach((stream, counter) -> totals.put(stream, new StreamTotals(counter.recordsEmitted.get(),
        counter.bytesEmitted.get(), counter.recordsCommitted.get(), counter.bytesCommitted.get(),
        counter.stateMessages.get())));
    return new SyncTotals(totals);
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

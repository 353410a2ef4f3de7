package dev.gale.connectors.declarative.incremental;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import java.util.List;
import java.util.Map;

/**
 * The cursor of one stream during one read: it cuts each partition into intervals, watches the records' cursor
 * values, and says the state after each closed slice in Airbyte's shape, so that state moves between Airbyte and
 * Gale. Not thread-safe: one read drives it.
 */
public interface StreamCursor {

  /** The cursor intervals to read for {@code partition}, in order ({@code start_time}/{@code end_time}...). */
  List<Map<String, Object>> intervals(Map<String, Object> partition);

  /** Sees a record read in {@code slice}. */
  void observe(StreamSlice slice, Map<String, Object> record);

  /** Marks {@code slice} as completely read. */
  void close(StreamSlice slice);

  /** The state to checkpoint now. */
  Map<String, Object> state();

  /** The request options for {@code slice}: its interval's bounds where the manifest injects them. */
  RequestParts parts(Run run, StreamSlice slice);

  /** Whether a record is within the cursor's bounds (data feeds and client-side incremental streams drop others). */
  boolean inBounds(StreamSlice slice, Map<String, Object> record);
}

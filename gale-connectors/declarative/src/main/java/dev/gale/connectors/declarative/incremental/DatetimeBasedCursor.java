package dev.gale.connectors.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airbyte's {@code DatetimeBasedCursor} as its concurrent CDK runs it: the time from the start (or the state, minus
 * the lookback window) to the end (or now) cut into windows of {@code step}, each window's end one
 * {@code cursor_granularity} before the next one's start, except the last. State is
 * {@code {cursor_field: latest record value}} in {@code datetime_format}. Immutable; {@link #open} gives the per-read
 * cursor.
 *
 * @param inputFormats the formats record values and states may have: {@code cursor_datetime_formats}, then
 *     {@code datetime_format}
 * @param step a template giving an ISO duration, or null for one window
 */
public record DatetimeBasedCursor(Template cursorField, DatetimeFormat format, List<DatetimeFormat> inputFormats,
                                  MinMaxDatetime start, MinMaxDatetime end, Template step, IsoDuration granularity,
                                  Template lookback, RequestOption startOption, RequestOption endOption,
                                  Template partitionFieldStart, Template partitionFieldEnd, boolean dataFeed,
                                  boolean clientSide, boolean globalSubstreamCursor) {

  public DatetimeBasedCursor {
    requireNonNull(cursorField, "cursorField is null");
    requireNonNull(format, "format is null");
    inputFormats = List.copyOf(inputFormats);
    requireNonNull(start, "start is null");
  }

  public String cursorFieldName(Run run) {
    return cursorField.evalString(run, Map.of());
  }

  /** The cursor for one read (or one partition of it), from {@code state} ({@code {cursor_field: value}} or empty). */
  public DatetimeCursorRun open(Run run, Map<String, Object> state, Duration runtimeLookback) {
    return new DatetimeCursorRun(this, run, state, runtimeLookback);
  }

  /** The interval bounds of {@code slice} where {@code start_time_option} and {@code end_time_option} put them. */
  public RequestParts parts(Run run, StreamSlice slice) {
    RequestParts parts = new RequestParts();
    if (slice.cursorSlice().isEmpty()) {
      return parts;
    }
    if (startOption != null) {
      startOption.inject(parts, slice.cursorSlice().get(startKey(run)), run);
    }
    if (endOption != null) {
      endOption.inject(parts, slice.cursorSlice().get(endKey(run)), run);
    }
    return parts;
  }

  String startKey(Run run) {
    return partitionFieldStart == null ? "start_time" : partitionFieldStart.evalString(run, Map.of());
  }

  String endKey(Run run) {
    return partitionFieldEnd == null ? "end_time" : partitionFieldEnd.evalString(run, Map.of());
  }

  /** Reads a record's or state's cursor value in any of the input formats. */
  Optional<OffsetDateTime> parseValue(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    List<DatetimeFormat> formats = new ArrayList<>(inputFormats);
    for (DatetimeFormat candidate : formats) {
      try {
        return Optional.of(candidate.parseValue(value));
      } catch (IllegalArgumentException e) {
        // the next format may fit
      }
    }
    return Optional.empty();
  }
}

package dev.gale.connector.contract;

import dev.gale.connector.contract.RecordingOutput.Batch;
import dev.gale.connector.contract.RecordingOutput.Checkpoint;
import dev.gale.connector.contract.RecordingOutput.Event;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the checkpoints of one stream cut its records in cursor order: for each checkpoint covering the stream, the
 * highest cursor value emitted before it. A resumed read must not return a record below the cut of its state, and
 * no record after a checkpoint may be below that cut either, or resuming from the checkpoint would skip it.
 */
final class CursorCuts {
  private CursorCuts() {}

  /** One checkpoint of a stream and the highest cursor value before it ({@code null} when no record came before). */
  record Cut(AirbyteStateMessage state, Object highest) {}

  static List<Cut> of(List<Event> events, StreamDescriptor stream, String cursor) {
    List<Cut> cuts = new ArrayList<>();
    Object highest = null;
    for (Event event : events) {
      if (!event.concerns(stream)) {
        continue;
      }
      switch (event) {
        case Batch batch -> highest = max(highest, cursorValues(batch, cursor));
        case Checkpoint checkpoint -> cuts.add(new Cut(checkpoint.state(), highest));
      }
    }
    return cuts;
  }

  /** The cursor values of a stream's records in emission order, nulls left out. */
  static List<Object> cursorValues(List<Event> events, StreamDescriptor stream, String cursor) {
    List<Object> values = new ArrayList<>();
    for (Event event : events) {
      if (event instanceof Batch batch && event.concerns(stream)) {
        values.addAll(cursorValues(batch, cursor));
      }
    }
    return values;
  }

  /**
   * The keys (values of {@code columns}) of a stream's records in emission order: all of them, or only those emitted
   * after the checkpoint holding {@code after} (the same object).
   */
  static List<List<Object>> keys(List<Event> events, StreamDescriptor stream, List<String> columns,
                                 AirbyteStateMessage after) {
    List<List<Object>> keys = new ArrayList<>();
    boolean collecting = after == null;
    for (Event event : events) {
      if (event instanceof Checkpoint checkpoint && checkpoint.state() == after) {
        collecting = true;
      } else if (collecting && event instanceof Batch batch && event.concerns(stream)) {
        int[] positions = columns.stream().mapToInt(column -> batch.batch().schema().indexOf(column)
            .orElseThrow(() -> new AssertionError("batches of " + stream + " lack " + column))).toArray();
        for (Object[] row : batch.batch().rows()) {
          List<Object> key = new ArrayList<>();
          for (int position : positions) {
            key.add(row[position]);
          }
          keys.add(key);
        }
      }
    }
    return keys;
  }

  /** Compares two cursor values of the same column: numbers by value, times on the time line, others naturally. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object left, Object right) {
    if (left instanceof Number && right instanceof Number) {
      return decimal(left).compareTo(decimal(right));
    }
    if (left instanceof OffsetDateTime a && right instanceof OffsetDateTime b) {
      return a.toInstant().compareTo(b.toInstant());
    }
    return ((Comparable) left).compareTo(right);
  }

  static List<Object> cursorValues(Batch batch, String cursor) {
    int column = batch.batch().schema().indexOf(cursor)
        .orElseThrow(() -> new AssertionError("batches of " + batch.batch().schema().stream() + " lack cursor " + cursor));
    return batch.batch().rows().stream().map(row -> row[column]).filter(Objects::nonNull).toList();
  }

  private static Object max(Object highest, List<Object> values) {
    for (Object value : values) {
      if (highest == null || compare(value, highest) > 0) {
        highest = value;
      }
    }
    return highest;
  }

  private static BigDecimal decimal(Object number) {
    return switch (number) {
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Double value -> BigDecimal.valueOf(value);
      default -> BigDecimal.valueOf(((Number) number).longValue());
    };
  }
}

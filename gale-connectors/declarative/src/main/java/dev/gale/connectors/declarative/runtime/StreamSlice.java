package dev.gale.connectors.declarative.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit of a stream's read, as Airbyte's {@code StreamSlice}: the partition a partition router chose (a parent's
 * id, a listed value), the cursor interval an incremental cursor chose, and extra fields templates see at top level.
 * Templates see partition and interval merged as {@code stream_slice} (and its aliases {@code stream_partition},
 * {@code stream_interval}).
 */
public record StreamSlice(Map<String, Object> partition, Map<String, Object> cursorSlice,
                          Map<String, Object> extraFields) {
  public static final StreamSlice EMPTY = new StreamSlice(Map.of(), Map.of(), Map.of());

  public StreamSlice {
    partition = partition == null ? Map.of() : partition;
    cursorSlice = cursorSlice == null ? Map.of() : cursorSlice;
    extraFields = extraFields == null ? Map.of() : extraFields;
  }

  public StreamSlice withCursorSlice(Map<String, Object> interval) {
    return new StreamSlice(partition, interval, extraFields);
  }

  /** Partition and cursor interval in one map, as the CDK's slice reads. */
  public Map<String, Object> asMap() {
    Map<String, Object> merged = new LinkedHashMap<>(partition);
    merged.putAll(cursorSlice);
    return merged;
  }

  /**
   * The template variables of this slice: {@code stream_slice} (whose {@code extra_fields} holds the extra fields, as
   * the CDK's slice object has them) and the extra fields at top level, as the CDK's requester adds them.
   */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>(extraFields);
    Map<String, Object> slice = asMap();
    if (!extraFields.isEmpty()) {
      slice.putIfAbsent("extra_fields", extraFields);
    }
    variables.put("stream_slice", slice);
    return variables;
  }
}

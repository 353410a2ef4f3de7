package dev.gale.connectors.declarative.incremental;

import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A datetime cursor per partition, as the CDK's concurrent per-partition cursor writes its state:
 * <pre>{"use_global_cursor": false,
 *  "states": [{"partition": {"id": 1, "parent_slice": {}}, "cursor": {"updated_at": "..."}}],
 *  "state": {"updated_at": "..."}, "lookback_window": 12, "parent_state": {"parents": {...}}}</pre>
 * {@code state} is the latest value over all partitions as of the previous complete read; a partition without a
 * state of its own starts there, minus {@code lookback_window} (that read's duration in seconds). A plain
 * {@code {cursor_field: value}} state applies to every partition. With {@code global_substream_cursor} only the
 * global state is kept.
 */
public final class PerPartitionCursor implements StreamCursor {
  // Beyond this many partitions the state would grow without bound; the CDK keeps the global cursor only.
  private static final int SWITCH_TO_GLOBAL_LIMIT = 10_000;
  private final DatetimeBasedCursor definition;
  private final Run run;
  private final String cursorKey;
  private final Map<String, DatetimeCursorRun> cursors = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> partitions = new LinkedHashMap<>();
  private final Instant started;
  private boolean useGlobal;
  private Map<String, Object> global;
  private OffsetDateTime latest;
  private long lookbackSeconds;
  private Map<String, Object> parentState;

  @SuppressWarnings("unchecked")
  public PerPartitionCursor(DatetimeBasedCursor definition, Run run, Map<String, Object> state) {
    this.definition = definition;
    this.run = run;
    this.cursorKey = definition.cursorFieldName(run);
    this.useGlobal = definition.globalSubstreamCursor();
    this.started = run.clock().instant();
    if (state == null || state.isEmpty()) {
      return;
    }
    if (!state.containsKey("states") && !state.containsKey("state")) {
      global = normalised(state);
    } else {
      useGlobal = useGlobal || Boolean.TRUE.equals(state.get("use_global_cursor"));
      lookbackSeconds = Values.asLong(state.get("lookback_window")).orElse(0L);
      if (state.get("states") instanceof List<?> states) {
        for (Object entry : states) {
          if (entry instanceof Map<?, ?> map && map.get("partition") instanceof Map<?, ?> partition
              && map.get("cursor") instanceof Map<?, ?> cursor) {
            String key = key((Map<String, Object>) partition);
            partitions.put(key, (Map<String, Object>) partition);
            cursors.put(key, definition.open(run, (Map<String, Object>) cursor, Duration.ZERO));
          }
        }
      }
      if (state.get("state") instanceof Map<?, ?> globalState) {
        global = normalised((Map<String, Object>) globalState);
      }
    }
    if (state.get("parent_state") instanceof Map<?, ?> parents) {
      parentState = (Map<String, Object>) parents;
    }
  }

  /** The state of the parent streams as it was given, for an incremental parent read; null when none. */
  public Map<String, Object> parentState() {
    return parentState;
  }

  @Override
  public List<Map<String, Object>> intervals(Map<String, Object> partition) {
    String key = key(partition);
    DatetimeCursorRun cursor = cursors.get(key);
    if (cursor == null) {
      cursor = definition.open(run, global == null ? Map.of() : global,
          global == null ? Duration.ZERO : Duration.ofSeconds(lookbackSeconds));
      cursors.put(key, cursor);
      partitions.put(key, partition);
      if (cursors.size() > SWITCH_TO_GLOBAL_LIMIT) {
        useGlobal = true;
      }
    }
    return cursor.intervals(partition);
  }

  @Override
  public void observe(StreamSlice slice, Map<String, Object> record) {
    DatetimeCursorRun cursor = cursors.get(key(slice.partition()));
    if (cursor == null) {
      return;
    }
    cursor.observe(slice, record);
    definition.parseValue(record.get(cursorKey)).ifPresent(value -> {
      if (latest == null || DatetimeCursorRun.before(latest, value)) {
        latest = value;
      }
    });
  }

  @Override
  public void close(StreamSlice slice) {
    DatetimeCursorRun cursor = cursors.get(key(slice.partition()));
    if (cursor != null) {
      cursor.close(slice);
    }
  }

  /**
   * Ends the read: the latest value seen becomes the global state, the read's duration the lookback window, and
   * {@code parents} (the parent streams' states after this read, or null) the parent state.
   */
  public void finish(Map<String, Object> parents) {
    if (latest != null) {
      OffsetDateTime previous = global == null ? null : definition.parseValue(global.get(cursorKey)).orElse(null);
      if (previous == null || DatetimeCursorRun.before(previous, latest)) {
        global = new LinkedHashMap<>(Map.of(cursorKey, definition.format().format(latest)));
      }
      lookbackSeconds = Duration.between(started, run.clock().instant()).toSeconds();
    }
    if (parents != null) {
      parentState = parents;
    }
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("use_global_cursor", useGlobal);
    if (!useGlobal) {
      List<Map<String, Object>> states = new ArrayList<>();
      cursors.forEach((key, cursor) -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("partition", partitions.get(key));
        entry.put("cursor", cursor.state());
        states.add(entry);
      });
      state.put("states", states);
    }
    if (global != null) {
      state.put("state", global);
    }
    state.put("lookback_window", lookbackSeconds);
    if (parentState != null) {
      state.put("parent_state", parentState);
    }
    return state;
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    return definition.parts(run, slice);
  }

  @Override
  public boolean inBounds(StreamSlice slice, Map<String, Object> record) {
    DatetimeCursorRun cursor = cursors.get(key(slice.partition()));
    return cursor == null || cursor.inBounds(slice, record);
  }

  // A state's value in the cursor's own format, as the CDK rewrites a global state.
  private Map<String, Object> normalised(Map<String, Object> state) {
    Map<String, Object> fixed = new LinkedHashMap<>();
    definition.parseValue(state.get(cursorKey)).ifPresent(value ->
        fixed.put(cursorKey, definition.format().format(value)));
    return fixed.isEmpty() ? null : fixed;
  }

  /** Partitions are told apart by their JSON with sorted keys, as the CDK serialises them. */
  static String key(Map<String, Object> partition) {
    return JsonValues.write(sorted(partition));
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> ordered = new TreeMap<>();
      map.forEach((key, item) -> ordered.put(String.valueOf(key), sorted(item)));
      return ordered;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PerPartitionCursor::sorted).toList();
    }
    return value;
  }
}

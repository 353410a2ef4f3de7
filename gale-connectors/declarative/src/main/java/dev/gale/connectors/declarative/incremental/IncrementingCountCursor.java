package dev.gale.connectors.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Airbyte's {@code IncrementingCountCursor}: an integer cursor (an auto-increment id). One slice from the state's value
 * (or {@code start_value}, 0 by default), which {@code start_value_option} can put into the request; the state is
 * {@code {cursor_field: highest value}}.
 */
public record IncrementingCountCursor(Template cursorField, Template startValue, RequestOption startOption) {
  private static final String START = "start";
  private static final String END = "end";

  public IncrementingCountCursor {
    requireNonNull(cursorField, "cursorField is null");
  }

  public StreamCursor open(Run run, Map<String, Object> state) {
    String key = cursorField.evalString(run, Map.of());
    long first = startValue == null ? 0 : Values.asLong(startValue.eval(run, Map.of())).orElseThrow(() ->
        new ConnectorException("start_value of the incrementing count cursor is not an integer"));
    Object stateValue = state == null ? null : state.get(key);
    long fromState = stateValue == null ? 0 : Values.asLong(stateValue).orElseThrow(() ->
        new ConnectorException("The state's value of cursor " + key + " is not an integer"));
    long syncStart = stateValue != null && fromState != 0 && fromState >= first ? fromState : first;
    return new CountRun(key, syncStart, state == null ? Map.of() : state);
  }

  private final class CountRun implements StreamCursor {
    private final String key;
    private final long syncStart;
    private final Map<String, Object> legacy;
    private long highest;

    private CountRun(String key, long syncStart, Map<String, Object> legacy) {
      this.key = key;
      this.syncStart = syncStart;
      this.highest = syncStart;
      this.legacy = legacy;
    }

    @Override
    public List<Map<String, Object>> intervals(Map<String, Object> partition) {
      Map<String, Object> interval = new LinkedHashMap<>();
      interval.put(START, syncStart);
      interval.put(END, Long.MAX_VALUE);
      return List.of(interval);
    }

    @Override
    public void observe(StreamSlice slice, Map<String, Object> record) {
      Values.asLong(record.get(key)).ifPresent(value -> highest = Math.max(highest, value));
    }

    @Override
    public void close(StreamSlice slice) {}

    @Override
    public Map<String, Object> state() {
      Map<String, Object> state = new LinkedHashMap<>(legacy);
      state.put(key, highest);
      return state;
    }

    @Override
    public RequestParts parts(Run run, StreamSlice slice) {
      RequestParts parts = new RequestParts();
      if (startOption != null && slice.cursorSlice().containsKey(START)) {
        startOption.inject(parts, slice.cursorSlice().get(START), run);
      }
      return parts;
    }

    @Override
    public boolean inBounds(StreamSlice slice, Map<String, Object> record) {
      return true;
    }
  }
}

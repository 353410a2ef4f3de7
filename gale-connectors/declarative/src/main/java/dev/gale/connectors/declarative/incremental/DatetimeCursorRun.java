package dev.gale.connectors.declarative.incremental;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DatetimeBasedCursor} during one read, as the CDK's concurrent cursor with sequential state: the state
 * becomes a first "already read" interval from the start to the state's value; each closed window is added and
 * adjacent intervals merge; the state is the latest record value of the first merged interval (or its start when no
 * record had one), formatted in {@code datetime_format}. Keys of the incoming state other than the cursor are kept.
 */
public final class DatetimeCursorRun implements StreamCursor {
  private final DatetimeBasedCursor definition;
  private final Run run;
  private final String cursorKey;
  private final String startKey;
  private final String endKey;
  private final OffsetDateTime start;
  private final OffsetDateTime syncStart;
  private final IsoDuration step;
  private final IsoDuration lookback;
  private final Map<String, Object> legacy;
  private final List<Interval> done = new ArrayList<>();
  private final Map<Map<String, Object>, OffsetDateTime> latestBySlice = new HashMap<>();
  private boolean warnedMissing;
  private boolean warnedUnparsable;

  private record Interval(OffsetDateTime start, OffsetDateTime end, OffsetDateTime latest) {}

  DatetimeCursorRun(DatetimeBasedCursor definition, Run run, Map<String, Object> state, Duration runtimeLookback) {
    this.definition = definition;
    this.run = run;
    this.cursorKey = definition.cursorFieldName(run);
    this.startKey = definition.startKey(run);
    this.endKey = definition.endKey(run);
    this.legacy = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state);
    this.start = definition.start().get(run, definition.format().pattern());
    this.step = duration(definition.step(), "step");
    this.lookback = duration(definition.lookback(), "lookback_window");
    OffsetDateTime fromState = null;
    Object stateValue = legacy.get(cursorKey);
    if (stateValue != null && !"".equals(stateValue)) {
      fromState = definition.parseValue(stateValue).orElseThrow(() -> new ConnectorException("The state's value "
          + stateValue + " of cursor " + cursorKey + " matches none of the cursor's datetime formats"));
      if (runtimeLookback != null && !runtimeLookback.isZero()) {
        fromState = fromState.minus(runtimeLookback);
      }
    }
    this.syncStart = fromState != null && !fromState.toInstant().isBefore(start.toInstant()) ? fromState : start;
    done.add(new Interval(start, syncStart, syncStart));
  }

  @Override
  public List<Map<String, Object>> intervals(Map<String, Object> partition) {
    merge();
    OffsetDateTime end = end();
    List<Map<String, Object>> intervals = new ArrayList<>();
    for (int i = 0; i < done.size() - 1; i++) {
      OffsetDateTime gapStart = definition.granularity() == null ? done.get(i).end()
          : definition.granularity().addTo(done.get(i).end());
      split(gapStart, done.get(i + 1).start(), false, intervals);
    }
    OffsetDateTime last = done.getLast().end();
    split(lookback == null ? last : lookback.subtractFrom(last), end, true, intervals);
    return intervals;
  }

  private void split(OffsetDateTime lower, OffsetDateTime upper, boolean upperIsEnd, List<Map<String, Object>> out) {
    if (!before(lower, upper) || before(upper, start)) {
      return;
    }
    lower = before(lower, start) ? start : lower;
    IsoDuration granularity = definition.granularity();
    if (step == null || !before(step.addTo(lower), upper)) {
      out.add(window(lower, granularity != null && !upperIsEnd ? granularity.subtractFrom(upper) : upper));
      return;
    }
    OffsetDateTime current = lower;
    while (true) {
      OffsetDateTime next = step.addTo(current);
      OffsetDateTime currentUpper = before(next, upper) ? next : upper;
      boolean reached = !before(currentUpper, upper);
      if (!before(current, currentUpper)) {
        break;
      }
      out.add(window(current, granularity != null && (!upperIsEnd || !reached)
          ? granularity.subtractFrom(currentUpper) : currentUpper));
      current = currentUpper;
      if (reached) {
        break;
      }
    }
  }

  private Map<String, Object> window(OffsetDateTime from, OffsetDateTime to) {
    Map<String, Object> window = new LinkedHashMap<>();
    window.put(startKey, definition.format().format(from));
    window.put(endKey, definition.format().format(to));
    return window;
  }

  @Override
  public void observe(StreamSlice slice, Map<String, Object> record) {
    Object value = record.get(cursorKey);
    if (value == null) {
      if (!warnedMissing) {
        warnedMissing = true;
        run.log(LogLevel.WARN, "A record has no cursor field '" + cursorKey + "'; the state ignores it");
      }
      return;
    }
    definition.parseValue(value).ifPresentOrElse(
        parsed -> latestBySlice.merge(slice.cursorSlice(), parsed, (a, b) -> before(a, b) ? b : a),
        () -> {
          if (!warnedUnparsable) {
            warnedUnparsable = true;
            run.log(LogLevel.WARN, "The cursor value '" + value + "' of field '" + cursorKey + "' matches none of the"
                + " cursor's datetime formats; the state ignores it");
          }
        });
  }

  @Override
  public void close(StreamSlice slice) {
    OffsetDateTime from = bound(slice.cursorSlice().get(startKey));
    OffsetDateTime to = bound(slice.cursorSlice().get(endKey));
    if (from == null || to == null) {
      return;
    }
    done.add(new Interval(from, to, latestBySlice.remove(slice.cursorSlice())));
    merge();
  }

  @Override
  public Map<String, Object> state() {
    merge();
    Interval first = done.getFirst();
    Map<String, Object> state = new LinkedHashMap<>(legacy);
    state.put(cursorKey, definition.format().format(first.latest() != null ? first.latest() : first.start()));
    return state;
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    return definition.parts(run, slice);
  }

  @Override
  public boolean inBounds(StreamSlice slice, Map<String, Object> record) {
    return definition.parseValue(record.get(cursorKey))
        .map(value -> !before(value, syncStart) && !before(end(), value)).orElse(true);
  }

  private OffsetDateTime end() {
    OffsetDateTime now = run.clock().instant().atOffset(ZoneOffset.UTC);
    return definition.end() == null ? now : definition.end().get(run, definition.format().pattern());
  }

  // Window bounds are read back from their formatted text, as the CDK does.
  private OffsetDateTime bound(Object text) {
    if (text == null) {
      return null;
    }
    try {
      return definition.format().parse(text.toString());
    } catch (IllegalArgumentException e) {
      return definition.parseValue(text).orElse(null);
    }
  }

  private void merge() {
    done.sort(Comparator.comparing((Interval interval) -> interval.start().toInstant())
        .thenComparing(interval -> interval.end().toInstant()));
    Duration increment = Duration.ofMillis(1);
    List<Interval> merged = new ArrayList<>();
    for (Interval interval : done) {
      if (merged.isEmpty()) {
        merged.add(interval);
        continue;
      }
      Interval last = merged.getLast();
      OffsetDateTime reach = definition.granularity() == null ? last.end().plus(increment)
          : definition.granularity().addTo(last.end());
      if (!before(reach, interval.start())) {
        OffsetDateTime end = before(last.end(), interval.end()) ? interval.end() : last.end();
        OffsetDateTime latest = last.latest() == null ? interval.latest() : interval.latest() == null ? last.latest()
            : before(last.latest(), interval.latest()) ? interval.latest() : last.latest();
        merged.set(merged.size() - 1, new Interval(last.start(), end, latest));
      } else {
        merged.add(interval);
      }
    }
    done.clear();
    done.addAll(merged);
  }

  private IsoDuration duration(Template template, String field) {
    if (template == null) {
      return null;
    }
    String text = template.evalString(run, Map.of());
    if (text.isEmpty()) {
      return null;
    }
    try {
      IsoDuration duration = IsoDuration.parse(text);
      return duration.isZero() ? null : duration;
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("The " + field + " of the incremental sync, '" + text + "', is not an ISO 8601"
          + " duration such as P1D");
    }
  }

  static boolean before(OffsetDateTime a, OffsetDateTime b) {
    return a.toInstant().isBefore(b.toInstant());
  }
}

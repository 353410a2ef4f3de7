package dev.gale.connectors.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.testing.TestRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows and states of the datetime cursor, against the fixed "now" of 2024-03-10T12:00:00Z. */
class DatetimeBasedCursorTest {
  private final Run run = TestRuns.run(Map.of("start", "2024-03-01T00:00:00Z"));

  private static DatetimeBasedCursor cursor(String format, String step, String granularity, String lookback,
                                            String end) {
    Map<String, Object> parameters = Map.of();
    return new DatetimeBasedCursor(Template.of("updated_at", parameters), DatetimeFormat.of(format),
        List.of(DatetimeFormat.of("%Y-%m-%dT%H:%M:%SZ"), DatetimeFormat.of(format)),
        new MinMaxDatetime(Template.of("{{ config['start'] }}", parameters), "%Y-%m-%dT%H:%M:%SZ", null, null),
        end == null ? null : MinMaxDatetime.of(Template.of(end, parameters)),
        step == null ? null : Template.of(step, parameters),
        granularity == null ? null : IsoDuration.parse(granularity),
        lookback == null ? null : Template.of(lookback, parameters), null, null, null, null, false, false, false);
  }

  @Test
  void cutsTheTimeFromStartToNowIntoSteps() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%d", "P3D", "P1D", null, null).open(run, Map.of(), Duration.ZERO);

    assertThat(cursor.intervals(Map.of())).containsExactly(
        Map.of("start_time", "2024-03-01", "end_time", "2024-03-03"),
        Map.of("start_time", "2024-03-04", "end_time", "2024-03-06"),
        Map.of("start_time", "2024-03-07", "end_time", "2024-03-09"),
        Map.of("start_time", "2024-03-10", "end_time", "2024-03-10"));
  }

  @Test
  void withoutAStepTheWholeRangeIsOneWindow() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%dT%H:%M:%SZ", null, null, null, null).open(run, Map.of(),
        Duration.ZERO);

    assertThat(cursor.intervals(Map.of())).containsExactly(
        Map.of("start_time", "2024-03-01T00:00:00Z", "end_time", "2024-03-10T12:00:00Z"));
  }

  @Test
  void anEndDatetimeBoundsTheWindows() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%dT%H:%M:%SZ", "P5D", "PT1S", null, "2024-03-08T00:00:00Z")
        .open(run, Map.of(), Duration.ZERO);

    // The last window ends at the end itself, not one granularity before it.
    assertThat(cursor.intervals(Map.of())).containsExactly(
        Map.of("start_time", "2024-03-01T00:00:00Z", "end_time", "2024-03-05T23:59:59Z"),
        Map.of("start_time", "2024-03-06T00:00:00Z", "end_time", "2024-03-08T00:00:00Z"));
  }

  @Test
  void resumesFromTheStateMinusTheLookbackWindow() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%dT%H:%M:%SZ", null, null, "P2D", null)
        .open(run, Map.of("updated_at", "2024-03-08T06:00:00Z"), Duration.ZERO);

    assertThat(cursor.intervals(Map.of())).containsExactly(
        Map.of("start_time", "2024-03-06T06:00:00Z", "end_time", "2024-03-10T12:00:00Z"));
  }

  @Test
  void aStateBeforeTheStartIsIgnored() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%dT%H:%M:%SZ", null, null, null, null)
        .open(run, Map.of("updated_at", "2023-01-01T00:00:00Z"), Duration.ZERO);

    assertThat(cursor.intervals(Map.of()).getFirst()).containsEntry("start_time", "2024-03-01T00:00:00Z");
  }

  @Test
  void theStateIsTheLatestRecordOfTheClosedWindowsInTheCursorsFormat() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%d", "P5D", "P1D", null, null).open(run, Map.of("other", 1),
        Duration.ZERO);
    List<Map<String, Object>> windows = cursor.intervals(Map.of());
    StreamSlice first = StreamSlice.EMPTY.withCursorSlice(windows.get(0));
    StreamSlice second = StreamSlice.EMPTY.withCursorSlice(windows.get(1));

    assertThat(cursor.state()).isEqualTo(Map.of("other", 1, "updated_at", "2024-03-01"));
    cursor.observe(first, Map.of("updated_at", "2024-03-03T10:00:00Z"));
    cursor.observe(first, Map.of("updated_at", "2024-03-02T10:00:00Z"));
    cursor.observe(first, Map.of("updated_at", "not a date"));
    cursor.close(first);
    assertThat(cursor.state()).isEqualTo(Map.of("other", 1, "updated_at", "2024-03-03"));
    cursor.close(second);
    assertThat(cursor.state()).isEqualTo(Map.of("other", 1, "updated_at", "2024-03-03"));
  }

  @Test
  void anEpochSecondsCursorReadsFractionalTimestamps() {
    // Mailgun's events carry {"timestamp": 1709281800.25}; the CDK's '%s' reads it as int() does, whole seconds.
    DatetimeCursorRun cursor = cursor("%s", null, null, null, null).open(run, Map.of(), Duration.ZERO);
    StreamSlice window = StreamSlice.EMPTY.withCursorSlice(cursor.intervals(Map.of()).getFirst());

    cursor.observe(window, Map.of("updated_at", 1709281800.25));
    cursor.observe(window, Map.of("updated_at", 1709280000.75));
    cursor.close(window);
    assertThat(cursor.state()).isEqualTo(Map.of("updated_at", "1709281800"));
  }

  @Test
  void recordsOutsideTheBoundsAreSeenAsSuch() {
    DatetimeCursorRun cursor = cursor("%Y-%m-%dT%H:%M:%SZ", null, null, null, null)
        .open(run, Map.of("updated_at", "2024-03-05T00:00:00Z"), Duration.ZERO);

    assertThat(cursor.inBounds(StreamSlice.EMPTY, Map.of("updated_at", "2024-03-04T23:59:59Z"))).isFalse();
    assertThat(cursor.inBounds(StreamSlice.EMPTY, Map.of("updated_at", "2024-03-05T00:00:00Z"))).isTrue();
    assertThat(cursor.inBounds(StreamSlice.EMPTY, Map.of("id", 1))).isTrue();
  }
}

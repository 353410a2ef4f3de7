package dev.gale.connectors.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.testing.TestRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-partition state: each partition's own cursor, the global fallback and its lookback window. */
class PerPartitionCursorTest {
  private final Run run = TestRuns.run(Map.of());
  private final DatetimeBasedCursor definition = new DatetimeBasedCursor(Template.of("updated", Map.of()),
      DatetimeFormat.of("%Y-%m-%dT%H:%M:%SZ"), List.of(DatetimeFormat.of("%Y-%m-%dT%H:%M:%SZ")),
      MinMaxDatetime.of(Template.of("2024-01-01T00:00:00Z", Map.of())), null, null, null, null, null, null, null,
      null, false, false, false);

  @Test
  void aNewPartitionStartsFromTheGlobalStateMinusTheLastReadsDuration() {
    PerPartitionCursor cursor = new PerPartitionCursor(definition, run, Map.of(
        "use_global_cursor", false,
        "states", List.of(Map.of("partition", Map.of("id", 1, "parent_slice", Map.of()),
            "cursor", Map.of("updated", "2024-03-01T00:00:00Z"))),
        "state", Map.of("updated", "2024-03-05T00:00:00Z"),
        "lookback_window", 3600));

    assertThat(cursor.intervals(Map.of("id", 1, "parent_slice", Map.of())).getFirst())
        .containsEntry("start_time", "2024-03-01T00:00:00Z");
    assertThat(cursor.intervals(Map.of("id", 2, "parent_slice", Map.of())).getFirst())
        .containsEntry("start_time", "2024-03-04T23:00:00Z");
  }

  @Test
  void aPlainStateAppliesToEveryPartition() {
    PerPartitionCursor cursor = new PerPartitionCursor(definition, run, Map.of("updated", "2024-02-01T00:00:00Z"));

    assertThat(cursor.intervals(Map.of("id", 9)).getFirst()).containsEntry("start_time", "2024-02-01T00:00:00Z");
    assertThat(cursor.state()).containsEntry("state", Map.of("updated", "2024-02-01T00:00:00Z"));
  }

  @Test
  void theGlobalStateMovesOnlyWhenTheReadEnds() {
    PerPartitionCursor cursor = new PerPartitionCursor(definition, run, Map.of());
    Map<String, Object> partition = Map.of("id", 1);
    StreamSlice slice = new StreamSlice(partition, cursor.intervals(partition).getFirst(), Map.of());

    cursor.observe(slice, Map.of("updated", "2024-03-03T00:00:00Z"));
    cursor.close(slice);
    assertThat(cursor.state()).doesNotContainKey("state");
    assertThat(cursor.state().get("states")).isEqualTo(List.of(Map.of("partition", partition,
        "cursor", Map.of("updated", "2024-03-03T00:00:00Z"))));

    cursor.finish(Map.of("parents", Map.of("updated", "2024-03-01T00:00:00Z")));
    assertThat(cursor.state()).containsEntry("state", Map.of("updated", "2024-03-03T00:00:00Z"))
        .containsEntry("parent_state", Map.of("parents", Map.of("updated", "2024-03-01T00:00:00Z")))
        .containsEntry("use_global_cursor", false);
  }

  @Test
  void aGlobalSubstreamCursorKeepsOnlyTheGlobalState() {
    DatetimeBasedCursor global = new DatetimeBasedCursor(definition.cursorField(), definition.format(),
        definition.inputFormats(), definition.start(), null, null, null, null, null, null, null, null, false, false,
        true);
    PerPartitionCursor cursor = new PerPartitionCursor(global, run, Map.of());
    Map<String, Object> partition = Map.of("id", 1);
    StreamSlice slice = new StreamSlice(partition, cursor.intervals(partition).getFirst(), Map.of());
    cursor.observe(slice, Map.of("updated", "2024-03-03T00:00:00Z"));
    cursor.close(slice);
    cursor.finish(null);

    assertThat(cursor.state()).containsEntry("use_global_cursor", true).doesNotContainKey("states")
        .containsEntry("state", Map.of("updated", "2024-03-03T00:00:00Z"));
  }
}

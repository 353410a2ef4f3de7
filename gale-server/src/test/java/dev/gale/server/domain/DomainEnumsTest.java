package dev.gale.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The wire values of the domain enums, as Airbyte's Config API spells them. */
class DomainEnumsTest {
  private static final Map<Class<? extends Enum<?>>, List<String>> WIRE_VALUES = Map.ofEntries(
      Map.entry(ActorType.class, List.of("source", "destination")),
      Map.entry(NamespaceDefinitionType.class, List.of("source", "destination", "customformat")),
      Map.entry(ConnectionStatus.class, List.of("active", "inactive", "deprecated")),
      Map.entry(ScheduleType.class, List.of("manual", "basic", "cron")),
      Map.entry(ScheduleTimeUnit.class, List.of("minutes", "hours", "days", "weeks", "months")),
      Map.entry(NonBreakingChangesPreference.class, List.of("ignore", "disable", "propagate_columns", "propagate_fully")),
      Map.entry(Geography.class, List.of("auto", "us", "eu")),
      Map.entry(OperatorType.class, List.of("normalization", "dbt", "webhook")),
      Map.entry(StateType.class, List.of("global", "stream", "legacy", "not_set")),
      Map.entry(JobConfigType.class, List.of("check_connection_source", "check_connection_destination",
          "discover_schema", "get_spec", "sync", "reset_connection", "refresh", "clear")),
      Map.entry(JobStatus.class, List.of("pending", "running", "incomplete", "failed", "succeeded", "cancelled")),
      Map.entry(AttemptStatus.class, List.of("running", "failed", "succeeded")),
      Map.entry(ReleaseStage.class, List.of("alpha", "beta", "generally_available", "custom")),
      Map.entry(SupportLevel.class, List.of("community", "certified", "archived", "none")),
      Map.entry(SourceType.class, List.of("api", "file", "database", "custom")),
      Map.entry(BackfillPreference.class, List.of("enabled", "disabled")));

  @Test
  void everyEnumWritesAndReadsItsWireValues() {
    WIRE_VALUES.forEach((type, expected) -> {
      List<String> written = Arrays.stream(type.getEnumConstants())
          .map(constant -> Json.write(constant).replace("\"", ""))
          .toList();
      assertThat(written).as(type.getSimpleName()).containsExactlyElementsOf(expected);
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(Json.read(Json.write(constant), type)).isEqualTo(constant);
      }
    });
  }

  @Test
  void terminalStatusesAreTheOnesThatNeverChange() {
    assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal).collect(Collectors.toSet()))
        .isEqualTo(Set.of(JobStatus.FAILED, JobStatus.SUCCEEDED, JobStatus.CANCELLED));
    assertThat(Arrays.stream(AttemptStatus.values()).filter(AttemptStatus::isTerminal).collect(Collectors.toSet()))
        .isEqualTo(Set.of(AttemptStatus.FAILED, AttemptStatus.SUCCEEDED));
  }
}

package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParameterTest {
  @Test
  void goodValuesPass() {
    assertThatCode(() -> {
      QueryParameter.integer("limit", 1, 100).check(List.of("100"));
      QueryParameter.bool("includeDeleted").check(List.of("false"));
      QueryParameter.uuids("workspaceIds").check(List.of("1c9c5a1e-8c1d-4c6e-9b8f-0c5f4f6f8a11", "00000000-0000-0000-0000-000000000000"));
      QueryParameter.dateTime("createdAtStart").check(List.of("2026-11-21T10:00:00Z"));
      QueryParameter.dateTime("createdAtEnd").check(List.of("1687450500000"));
      QueryParameter.oneOf("jobType", List.of("sync", "reset")).check(List.of("reset"));
      QueryParameter.uuid("connectionId").check(List.of());
    }).doesNotThrowAnyException();
  }

  @Test
  void badValuesAre400sNamingTheParameter() {
    Map<QueryParameter, List<String>> cases = Map.of(
        QueryParameter.integer("limit", 1, 100), List.of("0"),
        QueryParameter.integer("offset", 0, 10), List.of("ten"),
        QueryParameter.bool("includeDeleted"), List.of("yes"),
        QueryParameter.uuid("connectionId"), List.of("42"),
        QueryParameter.dateTime("updatedAtStart"), List.of("yesterday"),
        QueryParameter.oneOf("status", List.of("running")), List.of("exploded"),
        QueryParameter.uuid("sourceId").mandatory(), List.of(),
        QueryParameter.string("orderBy"), List.of("a", "b"));
    cases.forEach((parameter, values) -> assertThatThrownBy(() -> parameter.check(values))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains(parameter.name());
        }));
  }

  @Test
  void dateTimesAreIsoOrEpochMillis() {
    assertThat(QueryParameter.instant("1687450500000")).isEqualTo(Instant.ofEpochMilli(1687450500000L));
    assertThat(QueryParameter.instant("2023-06-22T16:15:00+02:00")).isEqualTo(Instant.parse("2023-06-22T14:15:00Z"));
    assertThat(QueryParameter.instant("2023-06-22T14:15:00.250Z")).isEqualTo(Instant.parse("2023-06-22T14:15:00.250Z"));
    assertThat(QueryParameter.instant("2023-06-22T14:15:00")).as("no offset: UTC").isEqualTo(Instant.parse("2023-06-22T14:15:00Z"));
    assertThat(QueryParameter.instant("2023-06-22 16:15:00 02:00")).as("an unencoded + decoded as a space, as Airbyte prints times")
        .isEqualTo(Instant.parse("2023-06-22T14:15:00Z"));
    assertThatThrownBy(() -> QueryParameter.dateTime("createdAtStart").check(List.of("2023-06-22")))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void theDocumentDescribesListsAndEnums() {
    assertThat(QueryParameter.uuids("workspaceIds").document())
        .containsEntry("in", "query")
        .containsEntry("schema", Map.of("type", "array", "items", Map.of("type", "string", "format", "uuid")));
    assertThat(QueryParameter.oneOf("jobType", List.of("sync")).mandatory().document())
        .containsEntry("required", true)
        .containsEntry("schema", Map.of("type", "string", "enum", List.of("sync")));
  }
}
